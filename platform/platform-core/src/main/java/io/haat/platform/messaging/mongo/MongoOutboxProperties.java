package io.haat.platform.messaging.mongo;

import io.haat.platform.messaging.outbox.OutboxRelaySettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the MongoDB outbox and its relay ({@code haat.messaging.mongo-outbox.*}).
 *
 * @param relayEnabled    whether this instance relays (any number of instances may: documents are leased)
 * @param collection      where events of deleted documents wait until they are sent
 * @param pollInterval    how often the relay looks for pending events when nothing wakes it
 * @param batchSize       documents leased per collection and batch
 * @param sendTimeout     how long the relay waits for Kafka to acknowledge a batch
 * @param lease           how long a leased document is left to its relay before another may take it
 * @param retryBackoff    delay before a failed document is retried; doubles per attempt
 * @param retryBackoffMax upper bound of that delay
 */
@ConfigurationProperties("haat.messaging.mongo-outbox")
public record MongoOutboxProperties(@DefaultValue("true") boolean relayEnabled,
                                    @DefaultValue(MongoOutbox.DEFAULT_STANDALONE_COLLECTION) String collection,
                                    @DefaultValue("200ms") Duration pollInterval,
                                    @DefaultValue("100") int batchSize,
                                    @DefaultValue("10s") Duration sendTimeout,
                                    @DefaultValue("30s") Duration lease,
                                    @DefaultValue("1s") Duration retryBackoff,
                                    @DefaultValue("5m") Duration retryBackoffMax) implements OutboxRelaySettings {
}
