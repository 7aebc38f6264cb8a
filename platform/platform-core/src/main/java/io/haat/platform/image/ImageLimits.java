package io.haat.platform.image;

/**
 * Limits of one service's image uploads; each service binds its own ({@code haat.catalog.images.*},
 * {@code haat.order.returns.photos.*}) and builds an {@link ImageProcessor} from them.
 *
 * @param maxBytes          largest accepted file
 * @param maxPixels         largest accepted width × height, read from the header before decoding
 * @param maxSide           largest accepted width or height
 * @param storedMaxSide     the stored full rendition is scaled down to fit this
 * @param concurrentDecodes decodes running at once (each may hold tens of MB)
 */
public record ImageLimits(long maxBytes, long maxPixels, int maxSide, int storedMaxSide, int concurrentDecodes) {
}
