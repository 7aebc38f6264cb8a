package io.haat.order.catalog;

import io.haat.events.Money;
import io.haat.events.catalog.ProductStatus;

/**
 * One variant of a product as order-service knows it now, from its local copies: catalog's last
 * {@code ProductChanged}, seller-service's last stock level ({@code available} 0 when none arrived yet) and
 * whether its store may sell ({@code storeOpen}: false once seller-service said the store is suspended or closed or
 * its seller banned; true while order-service has heard nothing of the store).
 */
public record Offer(String productId, String sku, String storeId, String sellerId, String name, ProductStatus status,
                    Money price, int available, boolean storeOpen) {

    /** An offer of a store that may sell. */
    public Offer(String productId, String sku, String storeId, String sellerId, String name, ProductStatus status,
                 Money price, int available) {
        this(productId, sku, storeId, sellerId, name, status, price, available, true);
    }

    /** Whether customers may buy it: the product is published and its store is open. */
    public boolean active() {
        return status == ProductStatus.ACTIVE && storeOpen;
    }

    /** Whether it can be bought at all right now: published, its store open, and in stock. */
    public boolean sellable() {
        return active() && available > 0;
    }
}
