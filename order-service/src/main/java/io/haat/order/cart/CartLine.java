package io.haat.order.cart;

import io.haat.events.Money;
import io.haat.order.catalog.ProductVariantKey;
import java.time.Instant;
import java.util.UUID;

/** One line of a cart: a quantity of one SKU, and the unit price the customer saw when they put it there. */
public record CartLine(UUID id, String productId, String sku, int quantity, Money priceWhenAdded, Instant addedAt) {

    public ProductVariantKey key() {
        return new ProductVariantKey(productId, sku);
    }

    CartLine withQuantity(int next) {
        return new CartLine(id, productId, sku, next, priceWhenAdded, addedAt);
    }

    CartLine withQuantity(int next, Money price) {
        return new CartLine(id, productId, sku, next, price, addedAt);
    }
}
