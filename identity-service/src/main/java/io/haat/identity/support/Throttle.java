package io.haat.identity.support;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "At most once per interval" per purpose and subject (a user, an email address, an IP), kept in PostgreSQL so
 * every instance sees the same limit. Acquiring is one atomic upsert.
 */
@Component
public class Throttle {

    private final JdbcClient jdbc;

    public Throttle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the slot if the last one is at least {@code interval} old; otherwise says how long to wait. */
    public Optional<Duration> tryAcquire(String purpose, String subject, Duration interval) {
        boolean acquired = jdbc.sql("""
                        INSERT INTO throttle (purpose, subject, last_at) VALUES (:purpose, :subject, now())
                        ON CONFLICT (purpose, subject) DO UPDATE SET last_at = now()
                        WHERE throttle.last_at <= now() - :millis * interval '1 millisecond'
                        RETURNING last_at""")
                .param("purpose", purpose).param("subject", subject).param("millis", interval.toMillis())
                .query(Timestamp.class).optional().isPresent();
        if (acquired) {
            return Optional.empty();
        }
        Instant last = jdbc.sql("SELECT last_at FROM throttle WHERE purpose = :purpose AND subject = :subject")
                .param("purpose", purpose).param("subject", subject)
                .query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(Instant.now());
        Duration wait = Duration.between(Instant.now(), last.plus(interval));
        return Optional.of(wait.isNegative() ? Duration.ofSeconds(1) : wait);
    }

    /** Frees the slot again, e.g. when the throttled action failed and may be retried at once. */
    public void release(String purpose, String subject) {
        jdbc.sql("DELETE FROM throttle WHERE purpose = :purpose AND subject = :subject")
                .param("purpose", purpose).param("subject", subject).update();
    }
}
