package io.haat.payment.payment;

import io.haat.events.orders.SellerOrderTotals;
import io.haat.payment.ledger.CommissionPolicy;
import io.haat.payment.ledger.CommissionRates;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * TEST-ONLY stand-in for the commission rules (package {@code commission}, built on another branch): a flat 10 %
 * for every seller order, so captures can be posted to the ledger. Remove when the real {@link CommissionPolicy}
 * bean is on this branch.
 */
@Component
class FlatCommissionForTests implements CommissionPolicy {

    static final int BASIS_POINTS = 1_000;

    @Override
    public CommissionRates ratesAt(Instant placedAt, List<SellerOrderTotals> sellerOrders) {
        return CommissionRates.flat(BASIS_POINTS);
    }
}
