package io.haat.catalog.image;

/**
 * In-process: an image was added to a product (published after the product update succeeded), with its small
 * rendition, so features that describe images (image search) need not read it back from GridFS.
 */
public record ProductImageStored(String productId, String imageId, byte[] smallRendition) {
}
