package io.haat.identity.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

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
import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.ForbiddenException;
import io.haat.platform.web.LockedException;
import io.haat.platform.web.UnauthorizedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Login, refresh and logout against Keycloak's token endpoints, turning Keycloak's answers into problems a client
 * can act on, without telling whether an email is registered.
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
    private final Clock clock;
    private final CurrentUser currentUser;
    private final JsonMapper json;

    public LoginService(KeycloakTokens tokens, KeycloakAdmin keycloak, UserProfileRepository profiles,
                        FailedLogins failedLogins, SecurityAlerts alerts, Throttle throttle,
                        Clock clock, CurrentUser currentUser, JsonMapper json) {
        this.tokens = tokens;
        this.keycloak = keycloak;
        this.profiles = profiles;
        this.failedLogins = failedLogins;
        this.alerts = alerts;
        this.throttle = throttle;
        this.clock = clock;
        this.currentUser = currentUser;
        this.json = json;
    }

    public TokenResponse login(String rawEmail, String password, String ip) {
        String email = Inputs.email(rawEmail);
        PasswordGrant grant = tokens.password(email, password);
        return switch (grant) {
            case PasswordGrant.Issued issued -> TokenResponse.from(issued.tokens());
            case PasswordGrant.InvalidCredentials ignored -> throw rejected(email, ip);
            case PasswordGrant.Disabled ignored -> throw disabled(email);
            case PasswordGrant.NotReady ignored -> throw notReady(email);
        };
    }

    public TokenResponse refresh(String refreshToken) {
        return TokenResponse.from(tokens.refresh(refreshToken));
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

    /** Wrong password or unknown email: one answer for both, unless Keycloak has locked the account. */
    private RuntimeException rejected(String email, String ip) {
        failedLogins.record(ip, email);
        Optional<UserProfile> profile = profiles.findByEmail(email);
        if (profile.isPresent()) {
            Optional<BruteForceStatus> status = bruteForceStatus(profile.get());
            if (status.isPresent() && status.get().disabled()) {
                return locked(profile.get(), status.get());
            }
        }
        return new UnauthorizedException("invalid-credentials", "Invalid credentials", "The email or password is wrong.");
    }

    private RuntimeException locked(UserProfile profile, BruteForceStatus status) {
        Duration remaining = status.remaining(clock.instant());
        if (throttle.tryAcquire("lockout-alert", profile.id().toString(), remaining.plusSeconds(1)).isEmpty()) {
            alerts.raise(SecurityAlerts.ACCOUNT_LOCKED, "MEDIUM", profile.id().toString(),
                    "Login of %s locked for %d s after %d failed attempts (last from %s)."
                            .formatted(profile.email(), remaining.toSeconds(), status.numFailures(),
                                    status.lastIPFailure()));
        }
        return new LockedException("account-locked", "Account temporarily locked",
                "Too many failed logins: this account is locked for a while. Try again later or reset the password.",
                remaining);
    }

    private Optional<BruteForceStatus> bruteForceStatus(UserProfile profile) {
        try {
            return Optional.of(keycloak.bruteForceStatus(profile.id().toString()));
        } catch (KeycloakUnavailableException e) {
            log.warn("Brute-force status of {} unavailable; answering a plain 401", profile.id());
            return Optional.empty();
        }
    }

    private RuntimeException disabled(String email) {
        boolean banned = profiles.findByEmail(email).map(UserProfile::isBanned).orElse(false);
        return banned
                ? new ForbiddenException("account-banned", "Account banned",
                        "This account has been banned. Contact support if you think this is a mistake.")
                : new ForbiddenException("account-disabled", "Account disabled", "This account is disabled.");
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
