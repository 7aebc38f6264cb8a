package io.haat.order.cart;

import java.util.UUID;

/**
 * Whose cart a request means: a signed-in customer (who may also present the token of the guest cart they filled
 * before signing in, to merge it) or a guest with their token (or none yet).
 */
public record CartCaller(UUID customerId, CartToken token) {

    public boolean isCustomer() {
        return customerId != null;
    }
}
