package io.haat.identity.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.haat.identity.IdentityProperties;
import io.haat.identity.alert.SecurityAlerts;
import io.haat.identity.keycloak.BruteForceStatus;
import io.haat.identity.keycloak.KeycloakAdmin;
import io.haat.identity.keycloak.KeycloakTokens;
import io.haat.identity.keycloak.KeycloakUnavailableException;
import io.haat.identity.keycloak.KeycloakUser;
import io.haat.identity.keycloak.PasswordGrant;
import io.haat.identity.profile.UserProfile;
import io.haat.identity.profile.UserProfileRepository;
import io.haat.identity.support.Inputs;
import io.haat.identity.support.JwtPayload;
import io.haat.identity.support.Throttle;
import io.haat.identity.verification.PasswordResetService;
import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.ForbiddenException;
import io.haat.platform.web.UnauthorizedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Login, refresh and logout against Keycloak's token endpoints, turning Keycloak's answers into problems a client
 * can act on, without telling whether an email is registered, locked or banned: an unknown email, a wrong password,
 * a brute-force lockout and a disabled account get the same 401, no sooner than
 * {@code haat.identity.login.failure-min-duration}; whether the account exists and is locked is looked up afterwards,
 * in the background, and only its owner hears of the lockout (by email) and the admins (an alert). Failed logins per
 * client address and in total are limited (429).
 */
@Service
public class LoginService {

    private static final Logger log = LoggerFactory.getLogger(LoginService.class);

    private final KeycloakTokens tokens;
    private final KeycloakAdmin keycloak;
    private final UserProfileRepository profiles;
    private final FailedLogins failedLogins;
    private final SecurityAlerts alerts;
    private final Throttle throttle;
    private final PasswordResetService passwordResets;
    private final TaskExecutor background;
    private final Clock clock;
    private final CurrentUser currentUser;
    private final JsonMapper json;
    private final IdentityProperties.Login settings;

    public LoginService(KeycloakTokens tokens, KeycloakAdmin keycloak, UserProfileRepository profiles,
                        FailedLogins failedLogins, SecurityAlerts alerts, Throttle throttle,
                        PasswordResetService passwordResets,
                        @Qualifier("applicationTaskExecutor") TaskExecutor background,
                        Clock clock, CurrentUser currentUser, JsonMapper json, IdentityProperties properties) {
        this.tokens = tokens;
        this.keycloak = keycloak;
        this.profiles = profiles;
        this.failedLogins = failedLogins;
        this.alerts = alerts;
        this.throttle = throttle;
        this.passwordResets = passwordResets;
        this.background = background;
        this.clock = clock;
        this.currentUser = currentUser;
        this.json = json;
        this.settings = properties.login();
    }

    public TokenResponse login(String rawEmail, String password, String ip) {
        long started = System.nanoTime();
        String email = Inputs.email(rawEmail);
        failedLogins.checkAllowed(ip);
        PasswordGrant grant = tokens.password(email, password);
        return switch (grant) {
            case PasswordGrant.Issued issued -> TokenResponse.from(issued.tokens());
            case PasswordGrant.InvalidCredentials ignored -> throw rejected(email, ip, started);
            // Keycloak says "disabled" before it checks the password: telling the caller would tell anyone with the
            // address that it is registered and banned. Its owner was told when it happened (notification-service's
            // ACCOUNT_SUSPENDED notice on UserBanned).
            case PasswordGrant.Disabled ignored -> throw rejected(email, ip, started);
            case PasswordGrant.NotReady ignored -> throw notReady(email);
        };
    }

    /**
     * New tokens for a refresh token; each refresh token works once (the realm rotates them). A rotated one that
     * comes back was copied: its whole session is ended, so the copy and the original alike must log in again.
     */
    public TokenResponse refresh(String refreshToken) {
        return TokenResponse.from(tokens.refresh(refreshToken, reused -> {
            log.warn("A rotated refresh token was used again; ending its session {}", reused.sessionId());
            try {
                keycloak.endSession(reused.sessionId());
            } catch (KeycloakUnavailableException e) {
                log.warn("Session {} of a reused refresh token could not be ended: {}", reused.sessionId(), e.toString());
            }
        }));
    }

    /** Ends the session of the caller's refresh token; an already ended session is fine. */
    public void logout(String refreshToken) {
        Optional<String> owner = JwtPayload.claims(refreshToken, json).map(claims -> claims.path("sub").asString(""));
        if (owner.isPresent() && !owner.get().isEmpty() && !owner.get().equals(currentUser.subject())) {
            throw new ForbiddenException("not-your-session", "Not your session",
                    "The refresh token belongs to another user.");
        }
        tokens.logout(refreshToken);
    }

    /**
     * Unknown email, wrong password, a lockout (Keycloak does not say which) or a disabled (banned) account: one
     * answer, one timing. The failure is counted now; whether it locked a real account is looked up in the background.
     */
    private RuntimeException rejected(String email, String ip, long started) {
        failedLogins.record(ip, email);
        background.execute(() -> {
            try {
                noticeLockout(email);
            } catch (RuntimeException e) {
                log.warn("Lockout check after a failed login failed: {}", e.toString());
            }
        });
        waitUntil(started + settings.failureMinDuration().toNanos());
        return new UnauthorizedException("invalid-credentials", "Invalid credentials", "The email or password is wrong.");
    }

    /** Once per lockout: an alert for the admins and a mail to the owner (with a link to choose a new password). */
    private void noticeLockout(String email) {
        Optional<UserProfile> profile = profiles.findByEmail(email);
        if (profile.isEmpty()) {
            return;
        }
        Optional<BruteForceStatus> status = bruteForceStatus(profile.get());
        if (status.isEmpty() || !status.get().disabled()) {
            return;
        }
        Duration remaining = status.get().remaining(clock.instant());
        String userId = profile.get().id().toString();
        if (throttle.tryAcquire("lockout-alert", userId, remaining.plusSeconds(1)).isEmpty()) {
            alerts.raise(SecurityAlerts.ACCOUNT_LOCKED, "MEDIUM", userId,
                    "Login of %s locked for %d s after %d failed attempts (last from %s)."
                            .formatted(profile.get().email(), remaining.toSeconds(), status.get().numFailures(),
                                    status.get().lastIPFailure()));
            passwordResets.sendLockNotice(userId);
        }
    }

    private static void waitUntil(long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(left);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Optional<BruteForceStatus> bruteForceStatus(UserProfile profile) {
        try {
            return Optional.of(keycloak.bruteForceStatus(profile.id().toString()));
        } catch (KeycloakUnavailableException e) {
            log.warn("Brute-force status of {} unavailable", profile.id());
            return Optional.empty();
        }
    }

    private RuntimeException notReady(String email) {
        boolean unverified = keycloak.userByEmail(email).map(KeycloakUser::emailVerified).map(verified -> !verified)
                .orElse(false);
        return unverified
                ? new ForbiddenException("email-not-verified", "Email not verified",
                        "Verify your email address first: follow the link we sent you, or ask for a new one "
                                + "(POST /auth/verify-email/resend).")
                : new ForbiddenException("account-setup-incomplete", "Account setup incomplete",
                        "Your account needs an action before you can log in. Log in through the web app to finish it.");
    }
}
