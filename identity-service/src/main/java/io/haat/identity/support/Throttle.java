package io.haat.identity.support;

import java.sql.Timestamp;
import java.time.Clock;
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

    /** Every throttle interval is far below this; older slots are free anyway and are deleted. */
    private static final Duration KEPT = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    public Throttle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Takes the slot if the last one is at least {@code interval} old; otherwise says how long to wait. */
    public Optional<Duration> tryAcquire(String purpose, String subject, Duration interval) {
        Instant now = clock.instant();
        boolean acquired = jdbc.sql("""
                        INSERT INTO throttle (purpose, subject, last_at) VALUES (:purpose, :subject, :now)
                        ON CONFLICT (purpose, subject) DO UPDATE SET last_at = :now
                        WHERE throttle.last_at <= :freeSince
                        RETURNING last_at""")
                .param("purpose", purpose).param("subject", subject).param("now", Timestamp.from(now))
                .param("freeSince", Timestamp.from(now.minus(interval)))
                .query(Timestamp.class).optional().isPresent();
        if (acquired) {
            return Optional.empty();
        }
        Instant last = jdbc.sql("SELECT last_at FROM throttle WHERE purpose = :purpose AND subject = :subject")
                .param("purpose", purpose).param("subject", subject)
                .query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(now);
        Duration wait = Duration.between(now, last.plus(interval));
        return Optional.of(wait.isNegative() ? Duration.ofSeconds(1) : wait);
    }

    /** Frees the slot again, e.g. when the throttled action failed and may be retried at once. */
    public void release(String purpose, String subject) {
        jdbc.sql("DELETE FROM throttle WHERE purpose = :purpose AND subject = :subject")
                .param("purpose", purpose).param("subject", subject).update();
    }

    /** Deletes slots long past any interval. */
    public int purge() {
        return jdbc.sql("DELETE FROM throttle WHERE last_at < :before")
                .param("before", Timestamp.from(clock.instant().minus(KEPT))).update();
    }
}
