package io.haat.order.returns;

import io.haat.events.Money;

/**
 * Units of one SKU sent back: {@code merchandise} is their price, {@code discount} their share of the line's
 * discounts; the customer gets {@code merchandise - discount} for them.
 */
public record ReturnLine(String productId, String sku, String name, int quantity, Money merchandise, Money discount) {

    public Money refund() {
        return merchandise.minus(discount);
    }
}
