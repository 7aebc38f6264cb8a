package io.haat.platform.messaging.consumer;

import io.haat.events.EventEnvelope;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The idempotent-consumer record of a JDBC service: applies an event's effect at most once per
 * consumer group, however often Kafka delivers the event.
 */
public class ProcessedEvents {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public ProcessedEvents(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * In one transaction (joined if the caller has one), records {@code eventId} as processed by
     * {@code consumerGroup} and runs {@code effect}; if the event was already processed, does nothing.
     * If the effect throws, neither the effect nor the record commits, so a redelivery retries it.
     * A concurrent duplicate waits on the first one's row lock and then sees it as processed.
     *
     * @return {@code true} if the effect ran, {@code false} for a duplicate
     */
    public boolean runOnce(String consumerGroup, UUID eventId, Runnable effect) {
        Objects.requireNonNull(consumerGroup, "consumerGroup");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(effect, "effect");
        Boolean ran = transaction.execute(status -> {
            int inserted = jdbc.update("""
                    INSERT INTO processed_event (consumer_group, event_id) VALUES (?, ?)
                    ON CONFLICT (consumer_group, event_id) DO NOTHING""", consumerGroup, eventId);
            if (inserted == 0) {
                return false;
            }
            effect.run();
            return true;
        });
        return Boolean.TRUE.equals(ran);
    }

    /** As {@link #runOnce(String, UUID, Runnable)} for a parsed envelope. */
    public boolean runOnce(String consumerGroup, EventEnvelope<?> envelope, Runnable effect) {
        return runOnce(consumerGroup, envelope.eventId(), effect);
    }

    /** Whether {@code consumerGroup} has already processed {@code eventId}. */
    public boolean isProcessed(String consumerGroup, UUID eventId) {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM processed_event WHERE consumer_group = ? AND event_id = ?",
                Integer.class, consumerGroup, eventId);
        return count != null && count > 0;
    }
}
