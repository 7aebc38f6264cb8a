package io.haat.catalog.image;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of image uploads ({@code haat.catalog.images.*}).
 *
 * @param maxBytes          largest accepted file
 * @param maxPixels         largest accepted width × height, read from the header before decoding
 * @param maxSide           largest accepted width or height
 * @param storedMaxSide     the stored full rendition is scaled down to fit this
 * @param concurrentDecodes decodes running at once (each may hold tens of MB)
 */
@ConfigurationProperties("haat.catalog.images")
public record ImageProperties(@DefaultValue("5242880") long maxBytes,
                              @DefaultValue("40000000") long maxPixels,
                              @DefaultValue("12000") int maxSide,
                              @DefaultValue("2048") int storedMaxSide,
                              @DefaultValue("2") int concurrentDecodes) {
}
