package io.haat.platform.messaging.outbox;

import java.time.Duration;

/** How an {@link OutboxRelayLoop} paces itself; implemented by each outbox's configuration properties. */
public interface OutboxRelaySettings {

    /** How often the relay looks for pending messages when nothing wakes it, while there is work about. */
    Duration pollInterval();

    /**
     * The longest wait between two looks when the outbox stays empty: after each look that claimed nothing the wait
     * doubles, from {@link #pollInterval()} up to this. A write in this process wakes the relay at once whatever
     * the wait (after its commit), so only other writers (another replica, a row left by a crash) and the retries
     * of failed entries wait longer, by at most this. At least {@link #pollInterval()}.
     */
    default Duration idlePollInterval() {
        Duration idle = Duration.ofSeconds(2);
        return idle.compareTo(pollInterval()) > 0 ? idle : pollInterval();
    }

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
