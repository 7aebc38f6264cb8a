package io.haat.order.order;

import io.haat.events.Money;

/** One line of a seller order: a quantity of one SKU at the unit price charged, and its share of the discounts. */
public record OrderItem(String productId, String sku, String name, int quantity, Money unitPrice, Money discount) {

    public Money merchandise() {
        return unitPrice.times(quantity);
    }

    public Money total() {
        return merchandise().minus(discount);
    }
}
