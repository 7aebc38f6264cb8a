package io.haat.payment.ledger;

import io.haat.events.Money;
import io.haat.events.orders.SellerOrderTotals;

/**
 * The commission rate, in basis points (0..10000), that applied to a seller order when it was placed. Where it
 * comes from (seller-service's {@code seller.commission} rules or its {@code applicable} look-up) is the caller's
 * business; the ledger only applies it.
 */
@FunctionalInterface
public interface CommissionRates {

    int basisPoints(SellerOrderTotals sellerOrder);

    /**
     * The commission of the whole seller order on {@code base} (its merchandise after seller-funded discounts): the
     * rate, rounded half up. A policy whose rules also bound the fee (a minimum or maximum) overrides this; the
     * ledger keeps the result within {@code 0..base}.
     */
    default long commissionMinor(SellerOrderTotals sellerOrder, Money base) {
        return base.basisPoints(basisPoints(sellerOrder)).amountMinor();
    }

    /** One rate for every seller order. */
    static CommissionRates flat(int basisPoints) {
        return sellerOrder -> basisPoints;
    }
}
