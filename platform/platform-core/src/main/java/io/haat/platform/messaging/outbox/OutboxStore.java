package io.haat.platform.messaging.outbox;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where an outbox keeps its pending messages, as {@link OutboxRelayLoop} needs it: claim a batch, then mark each
 * claimed entry sent or failed. The JDBC outbox claims rows ({@link JdbcOutboxStore}); the MongoDB outbox leases
 * documents that carry their pending events ({@code io.haat.platform.messaging.mongo.MongoOutboxStore}).
 *
 * @param <E> what one claim is (a row, a document)
 */
public interface OutboxStore<E extends OutboxStore.Entry> {

    /** One claimed entry: messages that must be sent in this order, and how often sending them failed before. */
    interface Entry {

        List<OutboxRecord> records();

        /** Earlier failed attempts; the retry backoff doubles with each. */
        int attempts();

        /** Whether the entry must not be sent in this batch (an earlier message of its key is still pending). */
        default boolean mustWait() {
            return false;
        }

        /** Names the entry in logs, e.g. "outbox row 7f3c… to orders.order". */
        String label();
    }

    /** Claims up to {@code limit} due entries that no other relay holds, oldest first. */
    List<E> claimBatch(int limit);

    /** Every message of these entries was acknowledged by Kafka. */
    void markSent(List<E> entries);

    /**
     * Sending an entry failed: its first {@code sentCount} messages were acknowledged, the rest are due again after
     * {@code retryAfter}.
     */
    void markFailed(E entry, int sentCount, String error, Duration retryAfter);

    /** Runs one batch (claim, send, mark); the JDBC store makes it one transaction. */
    default <T> T inBatch(Supplier<T> batch) {
        return batch.get();
    }

    /** Removes entries sent long enough ago; returns how many. */
    default int cleanUp() {
        return 0;
    }
}
