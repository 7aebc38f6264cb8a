package io.haat.identity.verification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

import io.haat.identity.IdentityProperties;
import io.haat.identity.keycloak.KeycloakActionLinks;
import io.haat.identity.keycloak.KeycloakAdmin;
import io.haat.identity.keycloak.KeycloakUser;
import io.haat.identity.support.CommonPasswords;
import io.haat.identity.support.Inputs;
import io.haat.identity.support.Throttle;
import io.haat.platform.web.BadRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Forgotten passwords through Keycloak's UPDATE_PASSWORD action. "Forgot" never tells whether the address is
 * registered (same answer, same timing: the mail is sent in the background). "Reset" takes the link's token and
 * the new password; each link works once here.
 */
@Service
public class PasswordResetService {

    private static final Logger log = LoggerFactory.getLogger(PasswordResetService.class);
    private static final String UPDATE_PASSWORD = "UPDATE_PASSWORD";

    private final KeycloakAdmin keycloak;
    private final KeycloakActionLinks links;
    private final Throttle throttle;
    private final ResetLinks resetLinks;
    private final Clock clock;
    private final TaskExecutor background;
    private final JsonMapper json;
    private final IdentityProperties properties;
    private final CommonPasswords commonPasswords;

    public PasswordResetService(KeycloakAdmin keycloak, KeycloakActionLinks links, Throttle throttle,
                                ResetLinks resetLinks, Clock clock,
                                @Qualifier("applicationTaskExecutor") TaskExecutor background, JsonMapper json,
                                IdentityProperties properties, CommonPasswords commonPasswords) {
        this.commonPasswords = commonPasswords;
        this.keycloak = keycloak;
        this.links = links;
        this.throttle = throttle;
        this.resetLinks = resetLinks;
        this.clock = clock;
        this.background = background;
        this.json = json;
        this.properties = properties;
    }

    public void forgot(String rawEmail) {
        String email = Inputs.email(rawEmail);
        background.execute(() -> {
            try {
                sendResetMail(email);
            } catch (RuntimeException e) {
                log.warn("Password reset mail for a requested address failed: {}", e.toString());
            }
        });
    }

    private void sendResetMail(String email) {
        KeycloakUser user = keycloak.userByEmail(email).filter(KeycloakUser::enabled).orElse(null);
        if (user == null || throttle.tryAcquire("password-reset", user.id(),
                properties.verification().passwordResetInterval()).isPresent()) {
            return;
        }
        keycloak.executeActionsEmail(user.id(), List.of(UPDATE_PASSWORD), properties.web().passwordResetRedirectUri(),
                properties.verification().passwordResetLinkLifespan());
    }

    /**
     * Tells the owner of an account that Keycloak locked after failed logins, with the same mail as a forgotten
     * password (its text covers both): if it was not them, they choose a new password, which also lifts the lock.
     */
    public void sendLockNotice(String userId) {
        if (throttle.tryAcquire("password-reset", userId, properties.verification().passwordResetInterval()).isEmpty()) {
            keycloak.executeActionsEmail(userId, List.of(UPDATE_PASSWORD), properties.web().passwordResetRedirectUri(),
                    properties.verification().passwordResetLinkLifespan());
        }
    }

    /** Sets the new password of the link's user; 400 for a bad, expired or used link or a too-weak password. */
    public void reset(String keyOrLink, String newPassword) {
        ActionToken token = ActionToken.parse(keyOrLink, json).filter(t -> t.allows(UPDATE_PASSWORD))
                .filter(t -> !t.expired(clock.instant()))
                .orElseThrow(PasswordResetService::invalidLink);
        String tokenId = token.tokenId().isEmpty() ? sha256(token.key()) : token.tokenId();
        if (resetLinks.used(tokenId) || !links.accepts(token.key())) {
            throw invalidLink();
        }
        commonPasswords.refuseCommon(newPassword); // the link still works
        try {
            resetLinks.resetPassword(tokenId, token, newPassword);
        } catch (DuplicateKeyException e) {
            throw invalidLink();
        }
        // whoever had the old password is logged out; a brute-force lockout is lifted for the owner
        keycloak.logout(token.userId());
        keycloak.clearBruteForce(token.userId());
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BadRequestException invalidLink() {
        return new BadRequestException("reset-link-invalid", "Invalid reset link",
                "The password reset link is not valid, has expired or was already used. Ask for a new one.");
    }
}
