package io.haat.events.orders;

import io.haat.events.Money;

/** One line of an order, in the seller order of its store. */
public record OrderLine(String sellerOrderId, String storeId, String productId, String sku, int quantity,
                        Money unitPrice) {
}
