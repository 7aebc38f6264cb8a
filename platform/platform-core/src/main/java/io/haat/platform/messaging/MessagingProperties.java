package io.haat.platform.messaging;

import io.haat.platform.messaging.outbox.OutboxRelaySettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings of the JDBC outbox relay and of Kafka consumer retries ({@code haat.messaging.*}). */
@ConfigurationProperties("haat.messaging")
public record MessagingProperties(@DefaultValue Outbox outbox, @DefaultValue Consumer consumer) {

    /**
     * The outbox relay of the JDBC outbox (the MongoDB outbox has its own, {@code haat.messaging.mongo-outbox.*}).
     *
     * @param relayEnabled      whether this instance runs a relay (any number of instances may)
     * @param pollInterval      how often the relay looks for unsent rows when nothing wakes it
     * @param batchSize         rows claimed per relay transaction
     * @param sendTimeout       how long the relay waits for Kafka to acknowledge a batch
     * @param retryBackoff      delay before the first retry of a row that failed to send; doubles per attempt
     * @param retryBackoffMax   upper bound of that delay
     * @param retention         how long sent rows are kept before clean-up
     * @param cleanupInterval   how often sent rows past retention are deleted
     */
    public record Outbox(@DefaultValue("true") boolean relayEnabled,
                         @DefaultValue("200ms") Duration pollInterval,
                         @DefaultValue("100") int batchSize,
                         @DefaultValue("10s") Duration sendTimeout,
                         @DefaultValue("1s") Duration retryBackoff,
                         @DefaultValue("5m") Duration retryBackoffMax,
                         @DefaultValue("7d") Duration retention,
                         @DefaultValue("1h") Duration cleanupInterval) implements OutboxRelaySettings {
    }

    /**
     * Bounded retries of a failing Kafka listener before the record goes to {@code <topic>.DLT}.
     *
     * @param maxAttempts        deliveries of one record in total, the first included
     * @param backoff            delay before the first retry
     * @param backoffMultiplier  growth of the delay per retry
     * @param backoffMax         upper bound of the delay
     * @param awaitAnotherEventFor how long a message is retried while it waits for another event
     *                           ({@link AwaitingAnotherEventException})
     */
    public record Consumer(@DefaultValue("3") int maxAttempts,
                           @DefaultValue("1s") Duration backoff,
                           @DefaultValue("2.0") double backoffMultiplier,
                           @DefaultValue("10s") Duration backoffMax,
                           @DefaultValue("2m") Duration awaitAnotherEventFor) {
    }
}
