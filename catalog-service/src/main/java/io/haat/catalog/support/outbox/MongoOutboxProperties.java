package io.haat.catalog.support.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the MongoDB outbox relay ({@code haat.mongo-outbox.*}).
 *
 * @param relayEnabled    whether this instance relays (any number of instances may: documents are leased)
 * @param pollInterval    how often the relay looks for pending events when nothing wakes it
 * @param batchSize       documents leased per collection and round
 * @param sendTimeout     how long the relay waits for Kafka to acknowledge a round
 * @param lease           how long a leased document is left to its relay before another may take it
 * @param retryBackoff    delay before a failed document is retried; doubles per attempt
 * @param retryBackoffMax upper bound of that delay
 */
@ConfigurationProperties("haat.mongo-outbox")
public record MongoOutboxProperties(@DefaultValue("true") boolean relayEnabled,
                                    @DefaultValue("200ms") Duration pollInterval,
                                    @DefaultValue("100") int batchSize,
                                    @DefaultValue("10s") Duration sendTimeout,
                                    @DefaultValue("30s") Duration lease,
                                    @DefaultValue("1s") Duration retryBackoff,
                                    @DefaultValue("5m") Duration retryBackoffMax) {
}
