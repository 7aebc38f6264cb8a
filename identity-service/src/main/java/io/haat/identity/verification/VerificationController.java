package io.haat.identity.verification;

import java.util.UUID;

import io.haat.identity.profile.UserProfile;
import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.InvalidRequestException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Email verification and password reset: {@code /auth/verify-email[/resend]}, {@code /auth/password/forgot|reset}. */
@RestController
public class VerificationController {

    /** The link from the mail, or just its {@code key} parameter. */
    public record VerifyEmailRequest(@NotBlank @Size(max = 8192) String token) {
    }

    /** Without a token: the address to send the link to again. */
    public record ResendRequest(@Size(max = 254) @Email String email) {
    }

    public record VerifiedResponse(UUID userId, boolean emailVerified) {
    }

    public record ForgotPasswordRequest(@NotBlank @Size(max = 254) @Email String email) {
    }

    public record ResetPasswordRequest(@NotBlank @Size(max = 8192) String token,
                                       @NotNull @Size(min = 1, max = 256) String newPassword) {
    }

    private final EmailVerificationService emails;
    private final PasswordResetService passwords;
    private final CurrentUser currentUser;

    public VerificationController(EmailVerificationService emails, PasswordResetService passwords,
                                  CurrentUser currentUser) {
        this.emails = emails;
        this.passwords = passwords;
        this.currentUser = currentUser;
    }

    @PostMapping("/auth/verify-email")
    public VerifiedResponse verify(@Valid @RequestBody VerifyEmailRequest request) {
        UserProfile profile = emails.verify(request.token());
        return new VerifiedResponse(profile == null ? null : profile.id(), true);
    }

    /**
     * With a token: resend to the caller (409 if verified, 429 if too soon). Without one (people who cannot log in
     * before verifying): {@code {email}}, always 202, whether or not the address is registered.
     */
    @PostMapping("/auth/verify-email/resend")
    public ResponseEntity<Void> resend(@Valid @RequestBody(required = false) ResendRequest request) {
        if (currentUser.isAuthenticated()) {
            emails.resendForCaller();
        } else if (request != null && request.email() != null) {
            emails.resendForEmail(request.email());
        } else {
            throw new InvalidRequestException("email", "is required without a token");
        }
        return ResponseEntity.accepted().build();
    }

    /** Always 202: whether the address is registered is not revealed. */
    @PostMapping("/auth/password/forgot")
    public ResponseEntity<Void> forgot(@Valid @RequestBody ForgotPasswordRequest request) {
        passwords.forgot(request.email());
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/auth/password/reset")
    public ResponseEntity<Void> reset(@Valid @RequestBody ResetPasswordRequest request) {
        passwords.reset(request.token(), request.newPassword());
        return ResponseEntity.noContent().build();
    }
}
