package io.haat.order.wishlist;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /wishlist}: a product, optionally one variant of it. */
public record WishlistRequest(@NotBlank @Size(max = 64) String productId, @Size(min = 1, max = 128) String sku) {
}
