package io.haat.identity.verification;

import java.sql.Timestamp;
import java.time.Clock;

import io.haat.identity.keycloak.KeycloakAdmin;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single use of password reset links ({@code used_action_token}): Keycloak accepts an action token until it
 * expires, so this service remembers the ones already used, until they expire.
 */
@Component
public class ResetLinks {

    private final JdbcClient jdbc;
    private final KeycloakAdmin keycloak;
    private final Clock clock;

    public ResetLinks(JdbcClient jdbc, KeycloakAdmin keycloak, Clock clock) {
        this.jdbc = jdbc;
        this.keycloak = keycloak;
        this.clock = clock;
    }

    public boolean used(String tokenId) {
        return jdbc.sql("SELECT count(*) FROM used_action_token WHERE token_id = :id").param("id", tokenId)
                .query(Long.class).single() > 0;
    }

    /**
     * Marks the link used and sets the new password, in one transaction whose last step is the Keycloak call: a
     * password the policy refuses rolls the mark back, so the link can be retried.
     *
     * @throws org.springframework.dao.DuplicateKeyException if the link was used meanwhile
     */
    @Transactional
    public void resetPassword(String tokenId, ActionToken token, String newPassword) {
        jdbc.sql("INSERT INTO used_action_token (token_id, used_at, expires_at) VALUES (:id, :now, :expires)")
                .param("id", tokenId).param("now", Timestamp.from(clock.instant()))
                .param("expires", Timestamp.from(token.expiresAt())).update();
        keycloak.resetPassword(token.userId(), newPassword);
    }

    /** Forgets used links that have expired anyway. */
    public int purgeExpired() {
        return jdbc.sql("DELETE FROM used_action_token WHERE expires_at < :now")
                .param("now", Timestamp.from(clock.instant())).update();
    }
}
