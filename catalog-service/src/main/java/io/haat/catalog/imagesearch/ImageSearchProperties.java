package io.haat.catalog.imagesearch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Image search ({@code haat.catalog.image-search.*}).
 *
 * @param indexDir           where this instance keeps its Lucene index of image vectors; empty: a fresh temporary
 *                           directory (the index is rebuilt from MongoDB at every start anyway)
 * @param candidates         nearest images the HNSW search returns before they are grouped by product and filtered
 *                           to public products
 * @param maxResults         most products an answer lists ({@code limit} is capped to it)
 * @param perClientPerMinute sustained searches per client (user, or address when anonymous) per minute
 * @param burst              searches a client may send at once
 */
@ConfigurationProperties("haat.catalog.image-search")
public record ImageSearchProperties(@DefaultValue("") String indexDir,
                                    @DefaultValue("100") int candidates,
                                    @DefaultValue("20") int maxResults,
                                    @DefaultValue("20") int perClientPerMinute,
                                    @DefaultValue("10") int burst) {
}
