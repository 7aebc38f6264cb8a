package io.haat.payment.commission;

import io.haat.events.Money;
import io.haat.events.orders.SellerOrderTotals;
import io.haat.payment.ledger.CommissionPolicy;
import io.haat.payment.ledger.CommissionRates;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The commission of each seller order as in force when its order was placed: the most specific category-less rule
 * (store, then seller, then platform default) learnt from {@code seller.commission} and effective at
 * {@code placedAt}; when none is known, seller-service's {@code applicable} look-up; when that fails, an exception
 * (never a guess).
 *
 * <p>Category rules are not used: a seller order spans categories and its totals carry none, so the rule a sale
 * without a category gets (seller-service's choice for one) applies to the whole seller order. Likewise a rule's
 * minimum and maximum fee bound the whole seller order's commission, not each line's.
 */
@Component
public class RulesCommissionPolicy implements CommissionPolicy {

    private final CommissionRules rules;
    private final RemoteCommissions remote;

    public RulesCommissionPolicy(CommissionRules rules, RemoteCommissions remote) {
        this.rules = rules;
        this.remote = remote;
    }

    @Override
    public CommissionRates ratesAt(Instant placedAt, List<SellerOrderTotals> sellerOrders) {
        Map<String, CommissionRule> chosen = new HashMap<>();
        for (SellerOrderTotals part : sellerOrders) {
            chosen.put(part.sellerOrderId(), rules.inForce(part.storeId(), part.sellerId(), placedAt)
                    .orElseGet(() -> remote.applicable(part.storeId(), placedAt)));
        }
        return new Rates(Map.copyOf(chosen));
    }

    /** The rules chosen per seller order id; asking for another seller order is a programming error. */
    private record Rates(Map<String, CommissionRule> bySellerOrder) implements CommissionRates {

        @Override
        public int basisPoints(SellerOrderTotals sellerOrder) {
            return rule(sellerOrder).basisPoints();
        }

        @Override
        public long commissionMinor(SellerOrderTotals sellerOrder, Money base) {
            return rule(sellerOrder).feeOn(base);
        }

        private CommissionRule rule(SellerOrderTotals sellerOrder) {
            CommissionRule rule = bySellerOrder.get(sellerOrder.sellerOrderId());
            if (rule == null) {
                throw new IllegalArgumentException("no commission was looked up for seller order "
                        + sellerOrder.sellerOrderId());
            }
            return rule;
        }
    }
}
