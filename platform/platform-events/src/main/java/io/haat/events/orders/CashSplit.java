package io.haat.events.orders;

import io.haat.events.Money;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cash due for each seller order of an order paid (partly) in cash on delivery: the online part pays the seller
 * orders in the split's order, each up to its total (the ledger's capture waterfall), and the cash covers what it
 * leaves. So a cash-only order owes each seller order's total in cash, and each delivery's cash fills exactly what
 * its seller order still lacks in the ledger. Pure. order-service (the cash an agent must collect for a seller order,
 * {@code CashCollected.amount}) and payment-service (what it captures for it) both use this one rule, so they cannot
 * disagree on a mixed online + cash order.
 */
public final class CashSplit {

    private CashSplit() {
    }

    /**
     * Minor units of cash due per seller order (in the split's order; zero for those the online part pays in full).
     *
     * @param cash the order's cash-on-delivery amount (its cash payment), at most the order's total
     */
    public static Map<String, Long> dueOf(List<SellerOrderTotals> split, Money cash) {
        long total = split.stream().mapToLong(so -> so.total().amountMinor()).sum();
        if (cash.amountMinor() < 0 || cash.amountMinor() > total) {
            throw new IllegalArgumentException("cash of " + cash.amountMinor() + " for an order of " + total);
        }
        long online = total - cash.amountMinor();
        Map<String, Long> due = new LinkedHashMap<>();
        for (SellerOrderTotals so : split) {
            long paidOnline = Math.min(online, so.total().amountMinor());
            online -= paidOnline;
            due.put(so.sellerOrderId(), so.total().amountMinor() - paidOnline);
        }
        return due;
    }
}
