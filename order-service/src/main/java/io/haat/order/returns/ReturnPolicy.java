package io.haat.order.returns;

import java.time.Duration;

/**
 * A store's return policy: how long after delivery a customer may ask for a return, and whether shipping is given
 * back with it.
 */
public record ReturnPolicy(String storeId, int windowDays, ShippingRefund shippingRefund, boolean custom) {

    public Duration window() {
        return Duration.ofDays(windowDays);
    }
}
