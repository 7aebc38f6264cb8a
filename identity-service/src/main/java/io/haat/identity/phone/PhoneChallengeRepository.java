package io.haat.identity.phone;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code phone_challenge}: at most one pending code per user. */
@Repository
public class PhoneChallengeRepository {

    /** Expired codes are kept this long (they still answer "expired" rather than "no code"), then deleted. */
    private static final Duration KEPT_EXPIRED = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    public PhoneChallengeRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Replaces any pending code of the user. */
    public void save(PhoneChallenge challenge) {
        jdbc.sql("""
                        INSERT INTO phone_challenge (user_id, phone, code_hash, attempts, expires_at, sent_at)
                        VALUES (:userId, :phone, :codeHash, :attempts, :expiresAt, :sentAt)
                        ON CONFLICT (user_id) DO UPDATE SET phone = EXCLUDED.phone, code_hash = EXCLUDED.code_hash,
                            attempts = EXCLUDED.attempts, expires_at = EXCLUDED.expires_at, sent_at = EXCLUDED.sent_at""")
                .param("userId", challenge.userId()).param("phone", challenge.phone())
                .param("codeHash", challenge.codeHash()).param("attempts", challenge.attempts())
                .param("expiresAt", Timestamp.from(challenge.expiresAt()))
                .param("sentAt", Timestamp.from(challenge.sentAt()))
                .update();
    }

    /** The pending code, locked until the transaction ends (attempts are counted exactly). */
    public Optional<PhoneChallenge> lock(UUID userId) {
        return jdbc.sql("SELECT user_id, phone, code_hash, attempts, expires_at, sent_at FROM phone_challenge"
                        + " WHERE user_id = :userId FOR UPDATE")
                .param("userId", userId)
                .query((rs, row) -> new PhoneChallenge(rs.getObject("user_id", UUID.class), rs.getString("phone"),
                        rs.getString("code_hash"), rs.getInt("attempts"), rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("sent_at").toInstant()))
                .optional();
    }

    public void countAttempt(UUID userId) {
        jdbc.sql("UPDATE phone_challenge SET attempts = attempts + 1 WHERE user_id = :userId")
                .param("userId", userId).update();
    }

    public void delete(UUID userId) {
        jdbc.sql("DELETE FROM phone_challenge WHERE user_id = :userId").param("userId", userId).update();
    }

    public int deleteExpired() {
        return jdbc.sql("DELETE FROM phone_challenge WHERE expires_at < :before")
                .param("before", Timestamp.from(clock.instant().minus(KEPT_EXPIRED))).update();
    }
}
