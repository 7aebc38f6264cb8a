package io.haat.platform.purge;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code haat.messaging.processed-events.*}: how long the idempotent-consumer record of an event is kept. A Kafka
 * message can only be delivered again while its topic still holds it (7 days locally, {@code log.retention.hours});
 * keep the records longer than that and a redelivery is always recognised.
 *
 * @param retention     how long after it was processed an event's record is kept
 * @param purgeInterval how often records past the retention are deleted
 * @param batchSize     rows deleted per transaction (short transactions, rows another instance purges are skipped)
 * @param enabled       whether this instance purges (any number of instances may)
 */
@ConfigurationProperties("haat.messaging.processed-events")
public record RetentionPurgeProperties(@DefaultValue("14d") Duration retention,
                                       @DefaultValue("1h") Duration purgeInterval,
                                       @DefaultValue("1000") int batchSize,
                                       @DefaultValue("true") boolean enabled) {

    public RetentionPurgeProperties {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("haat.messaging.processed-events.retention must be positive: " + retention);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("haat.messaging.processed-events.batch-size must be at least 1: " + batchSize);
        }
    }
}
