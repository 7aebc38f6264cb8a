package io.haat.payment.ledger;

import io.haat.events.orders.SellerOrderTotals;

/**
 * The commission rate, in basis points (0..10000), that applied to a seller order when it was placed. Where it
 * comes from (seller-service's {@code seller.commission} rules or its {@code applicable} look-up) is the caller's
 * business; the ledger only applies it.
 */
@FunctionalInterface
public interface CommissionRates {

    int basisPoints(SellerOrderTotals sellerOrder);

    /** One rate for every seller order. */
    static CommissionRates flat(int basisPoints) {
        return sellerOrder -> basisPoints;
    }
}
