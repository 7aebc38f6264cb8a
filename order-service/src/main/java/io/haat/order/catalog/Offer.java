package io.haat.order.catalog;

import io.haat.events.Money;
import io.haat.events.catalog.ProductStatus;

/**
 * One variant of a product as order-service knows it now, from its local copies: catalog's last
 * {@code ProductChanged} and seller-service's last stock level ({@code available} 0 when none arrived yet).
 */
public record Offer(String productId, String sku, String storeId, String sellerId, String name, ProductStatus status,
                    Money price, int available) {

    /** Whether customers may buy it: the product is published. */
    public boolean active() {
        return status == ProductStatus.ACTIVE;
    }

    /** Whether it can be bought at all right now: published and in stock. */
    public boolean sellable() {
        return active() && available > 0;
    }
}
