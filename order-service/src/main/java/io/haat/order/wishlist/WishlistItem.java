package io.haat.order.wishlist;

import java.time.Instant;
import java.util.UUID;

/** A product a customer keeps for later; {@code sku} null when they did not pick a variant. */
public record WishlistItem(UUID customerId, String productId, String sku, Instant addedAt) {
}
