package io.haat.catalog.product;

/** In-process: a product was deleted (stored as DELETED); its images are to be purged. */
public record ProductDeleted(String productId) {
}
