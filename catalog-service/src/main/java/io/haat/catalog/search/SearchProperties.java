package io.haat.catalog.search;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Search ({@code haat.catalog.search.*}).
 *
 * @param directory       where this replica keeps its index (relative: to the working directory)
 * @param pollInterval    how often the change log is read for writes made by other replicas
 * @param commitInterval  how often applied changes are made durable (a restart replays the rest from the log)
 * @param changeRetention how long the change log keeps entries; an index older than that is rebuilt at start-up
 * @param rebuildBatch    products read from MongoDB at a time when rebuilding
 * @param currency        the marketplace's currency (prices are indexed in its minor units), for price facets
 */
@ConfigurationProperties("haat.catalog.search")
public record SearchProperties(@DefaultValue("data/search-index") Path directory,
                               @DefaultValue("200ms") Duration pollInterval,
                               @DefaultValue("5s") Duration commitInterval,
                               @DefaultValue("7d") Duration changeRetention,
                               @DefaultValue("1000") int rebuildBatch,
                               @DefaultValue("NPR") String currency) {
}
