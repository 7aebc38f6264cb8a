package io.haat.catalog.product;

import java.time.Instant;

/** An image of a product (its place is its index in the product's list), with the size of the stored rendition. */
public record ProductImage(String imageId, String contentType, int width, int height, String alt, Instant createdAt) {
}
