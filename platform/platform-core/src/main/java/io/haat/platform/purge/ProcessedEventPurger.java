package io.haat.platform.purge;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deletes the idempotent-consumer records ({@code processed_event}, see {@code ProcessedEvents}) older than the
 * retention, on a daemon thread of its own, batch by batch: each batch is one short transaction that deletes up to
 * {@code batchSize} rows it could lock ({@code FOR UPDATE SKIP LOCKED}), so instances of one service purge side by
 * side and a consumer recording an event is never blocked behind the purge. A record younger than the retention is
 * never touched: inside it, a redelivered event is still recognised and skipped.
 */
public class ProcessedEventPurger extends PeriodicPurge {

    private static final Logger log = LoggerFactory.getLogger(ProcessedEventPurger.class);

    private final JdbcTemplate jdbc;
    private final RetentionPurgeProperties settings;

    public ProcessedEventPurger(JdbcTemplate jdbc, RetentionPurgeProperties settings) {
        super("processed-event-purge", settings.purgeInterval());
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Deletes every record past the retention now; returns how many. */
    @Override
    public int purgeNow() {
        return purgeOlderThan(settings.retention());
    }

    /** Deletes every record processed more than {@code age} ago (by the database's clock), batch by batch. */
    public int purgeOlderThan(Duration age) {
        int total = 0;
        int deleted;
        do {
            // autocommit: each statement is its own transaction
            deleted = jdbc.update("""
                    DELETE FROM processed_event WHERE ctid IN (
                        SELECT ctid FROM processed_event
                         WHERE processed_at < now() - ? * INTERVAL '1 millisecond'
                         LIMIT ? FOR UPDATE SKIP LOCKED)""", age.toMillis(), settings.batchSize());
            total += deleted;
        } while (deleted == settings.batchSize());
        if (total > 0) {
            log.info("Purged {} processed-event records older than {}", total, age);
        }
        return total;
    }
}
