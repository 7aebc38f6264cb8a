package io.haat.catalog.image;

/** In-process: an image was removed from a product (and its renditions deleted). */
public record ProductImageRemoved(String productId, String imageId) {
}
