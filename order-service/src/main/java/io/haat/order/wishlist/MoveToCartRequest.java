package io.haat.order.wishlist;

import io.haat.order.cart.Cart;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /wishlist/{productId}/move-to-cart}, body optional: which variant (default: the one wished for, or the
 * product's only one) and how many (default 1).
 */
public record MoveToCartRequest(@Size(min = 1, max = 128) String sku, @Min(1) @Max(Cart.MAX_QUANTITY) Integer quantity) {
}
