package io.haat.catalog.tracking;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tracking ({@code haat.catalog.tracking.*}).
 *
 * @param perClientPerMinute sustained events per client (user, or address when anonymous) per minute
 * @param burst              events a client may send at once before the sustained rate applies
 * @param flushInterval      how often buffered events are published
 * @param batchSize          most events published per flush round
 * @param bufferCapacity     events buffered at most; beyond it new ones are dropped (and counted)
 */
@ConfigurationProperties("haat.catalog.tracking")
public record TrackingProperties(@DefaultValue("120") int perClientPerMinute,
                                 @DefaultValue("30") int burst,
                                 @DefaultValue("1s") Duration flushInterval,
                                 @DefaultValue("500") int batchSize,
                                 @DefaultValue("50000") int bufferCapacity) {
}
