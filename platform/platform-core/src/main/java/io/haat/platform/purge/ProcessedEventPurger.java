package io.haat.platform.purge;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deletes the idempotent-consumer records ({@code processed_event}, see {@code ProcessedEvents}) older than the
 * retention, on a daemon thread of its own, batch by batch: each batch is one short transaction that deletes up to
 * {@code batchSize} rows it could lock ({@code FOR UPDATE SKIP LOCKED}), so instances of one service purge side by
 * side and a consumer recording an event is never blocked behind the purge. A record younger than the retention is
 * never touched: inside it, a redelivered event is still recognised and skipped.
 */
public class ProcessedEventPurger implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessedEventPurger.class);

    private final JdbcTemplate jdbc;
    private final RetentionPurgeProperties settings;
    private ScheduledExecutorService executor;

    public ProcessedEventPurger(JdbcTemplate jdbc, RetentionPurgeProperties settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Deletes every record past the retention now; returns how many. */
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

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("processed-event-purge").factory());
        long interval = settings.purgeInterval().toMillis();
        // spread the instances of one service over the interval
        long initialDelay = ThreadLocalRandom.current().nextLong(Math.max(1, interval));
        executor.scheduleWithFixedDelay(this::purgeQuietly, initialDelay, interval, TimeUnit.MILLISECONDS);
    }

    private void purgeQuietly() {
        try {
            purgeNow();
        } catch (RuntimeException e) {
            log.warn("Purging processed-event records failed; will retry: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
