package io.haat.identity.verification;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.haat.identity.IdentityProperties;
import io.haat.identity.keycloak.KeycloakActionLinks;
import io.haat.identity.keycloak.KeycloakAdmin;
import io.haat.identity.keycloak.KeycloakUser;
import io.haat.identity.profile.ProfileChanges;
import io.haat.identity.profile.UserProfile;
import io.haat.identity.profile.UserProfileRepository;
import io.haat.identity.support.Inputs;
import io.haat.identity.support.Throttle;
import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.BadRequestException;
import io.haat.platform.web.ConflictException;
import io.haat.platform.web.ServiceUnavailableException;
import io.haat.platform.web.TooManyRequestsException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Email verification through Keycloak's VERIFY_EMAIL action: Keycloak mails the link; the link verifies when
 * opened in a browser, or when a frontend posts its token here. Resending is throttled per user.
 */
@Service
public class EmailVerificationService {

    static final String THROTTLE = "verify-email";
    private static final String VERIFY_EMAIL = "VERIFY_EMAIL";

    private final KeycloakAdmin keycloak;
    private final KeycloakActionLinks links;
    private final UserProfileRepository profiles;
    private final ProfileChanges changes;
    private final Throttle throttle;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final JsonMapper json;
    private final IdentityProperties properties;

    public EmailVerificationService(KeycloakAdmin keycloak, KeycloakActionLinks links, UserProfileRepository profiles,
                                    ProfileChanges changes, Throttle throttle, CurrentUser currentUser, Clock clock,
                                    JsonMapper json, IdentityProperties properties) {
        this.keycloak = keycloak;
        this.links = links;
        this.profiles = profiles;
        this.changes = changes;
        this.throttle = throttle;
        this.currentUser = currentUser;
        this.clock = clock;
        this.json = json;
        this.properties = properties;
    }

    /** Sends the verification mail unless one went out within the resend interval; false if none was sent. */
    public boolean sendVerificationMail(UUID userId) {
        if (throttle.tryAcquire(THROTTLE, userId.toString(), properties.verification().emailResendInterval()).isPresent()) {
            return false;
        }
        return mail(userId);
    }

    /** Resend for the signed-in caller: 409 if already verified, 429 within the resend interval. */
    public void resendForCaller() {
        UUID userId = currentUser.id();
        KeycloakUser user = keycloak.user(userId.toString()).orElseThrow(
                () -> new ConflictException("Your account is not known to the identity provider."));
        if (user.emailVerified()) {
            markVerified(userId);
            throw new ConflictException("email-already-verified", "Email already verified",
                    "Your email address is already verified.");
        }
        throttle.tryAcquire(THROTTLE, userId.toString(), properties.verification().emailResendInterval())
                .ifPresent(wait -> {
                    throw new TooManyRequestsException("verification-mail-throttled", "Too many requests",
                            "A verification mail was sent a moment ago. Check your inbox or wait before asking again.",
                            wait);
                });
        if (!mail(userId)) {
            throttle.release(THROTTLE, userId.toString());
            throw new ServiceUnavailableException("mail-unavailable", "Mail not sent",
                    "The verification mail could not be sent. Please retry later.");
        }
    }

    /**
     * Resend by email address, for people who cannot log in yet: always accepted, whether or not the address is
     * registered or already verified (no enumeration); throttled silently.
     */
    public void resendForEmail(String email) {
        profiles.findByEmail(Inputs.email(email))
                .filter(profile -> !profile.emailVerified() && !profile.isBanned())
                .ifPresent(profile -> sendVerificationMail(profile.id()));
    }

    /** Verifies the email of the link's user; 400 if Keycloak does not accept the link. */
    public UserProfile verify(String keyOrLink) {
        ActionToken token = ActionToken.parse(keyOrLink, json).filter(t -> t.allows(VERIFY_EMAIL))
                .orElseThrow(EmailVerificationService::invalidLink);
        if (token.expired(clock.instant())) {
            throw invalidLink();
        }
        boolean completed = links.complete(token.key());
        KeycloakUser user = keycloak.user(token.userId()).orElseThrow(EmailVerificationService::invalidLink);
        if (!completed || !user.emailVerified()) {
            throw invalidLink();
        }
        return markVerified(UUID.fromString(user.id()));
    }

    /** Brings the local profile in line with a verified email (null if this service has no profile for the user). */
    private UserProfile markVerified(UUID userId) {
        return changes.markEmailVerified(userId).orElse(null);
    }

    private boolean mail(UUID userId) {
        return keycloak.executeActionsEmail(userId.toString(), List.of(VERIFY_EMAIL),
                properties.web().emailVerifiedRedirectUri(), properties.verification().emailLinkLifespan());
    }

    private static BadRequestException invalidLink() {
        return new BadRequestException("verification-link-invalid", "Invalid verification link",
                "The verification link is not valid or has expired. Ask for a new one.");
    }
}
