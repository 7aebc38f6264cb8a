package io.haat.order.catalog;

/** A product and one of its SKUs: what a cart line and a wishlist entry point at. */
public record ProductVariantKey(String productId, String sku) {
}
