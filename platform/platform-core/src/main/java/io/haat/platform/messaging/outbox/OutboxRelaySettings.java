package io.haat.platform.messaging.outbox;

import java.time.Duration;

/** How an {@link OutboxRelayLoop} paces itself; implemented by each outbox's configuration properties. */
public interface OutboxRelaySettings {

    /** How often the relay looks for pending messages when nothing wakes it. */
    Duration pollInterval();

    /** Entries claimed per batch. */
    int batchSize();

    /** How long the relay waits for Kafka to acknowledge a batch. */
    Duration sendTimeout();

    /** Delay before the first retry of an entry that failed to send; doubles per attempt. */
    Duration retryBackoff();

    /** Upper bound of that delay. */
    Duration retryBackoffMax();

    /** How often {@link OutboxStore#cleanUp()} runs. */
    default Duration cleanupInterval() {
        return Duration.ofHours(1);
    }
}
