package io.haat.identity.phone;

import io.haat.identity.profile.ProfileResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /auth/verify-phone/request} and {@code /confirm}: the caller's phone number, by one-time code. */
@RestController
public class PhoneVerificationController {

    /** The code from the SMS. */
    public record ConfirmRequest(@NotNull @Pattern(regexp = "[0-9]{6}", message = "must be the 6 digits of the code")
                                 String code) {
    }

    private final PhoneVerificationService phones;

    public PhoneVerificationController(PhoneVerificationService phones) {
        this.phones = phones;
    }

    @PostMapping("/auth/verify-phone/request")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public PhoneVerificationService.CodeSent request() {
        return phones.request();
    }

    @PostMapping("/auth/verify-phone/confirm")
    public ProfileResponse confirm(@Valid @RequestBody ConfirmRequest request) {
        return ProfileResponse.from(phones.confirm(request.code()));
    }
}
