package io.haat.events.orders;

import io.haat.events.Money;
import java.util.HashSet;
import java.util.List;

/**
 * The money of one store's part of an order (a seller order), so payment-service can split a capture or a
 * refund without calling back: {@code total = merchandise + shipping - sellerDiscount - platformDiscount}.
 * The seller funds {@code sellerDiscount} (store coupons; commission is computed after it); the platform funds
 * {@code platformDiscount} (site coupons; the platform's cost, not the seller's). One currency throughout.
 */
public record SellerOrderTotals(String sellerOrderId, String storeId, String sellerId, Money merchandise,
                                Money sellerDiscount, Money platformDiscount, Money shipping, Money total) {

    public SellerOrderTotals {
        Amounts.requireText(sellerOrderId, "sellerOrderId");
        Amounts.requireText(storeId, "storeId");
        Amounts.requireText(sellerId, "sellerId");
        Amounts.requireNotNegative(merchandise, "merchandise");
        Amounts.requireNotNegative(sellerDiscount, "sellerDiscount");
        Amounts.requireNotNegative(platformDiscount, "platformDiscount");
        Amounts.requireNotNegative(shipping, "shipping");
        Amounts.requireNotNegative(total, "total");
        Money computed = merchandise.plus(shipping).minus(sellerDiscount).minus(platformDiscount);
        if (!computed.equals(total)) {
            throw new IllegalArgumentException("seller order " + sellerOrderId + ": total " + total.amountMinor()
                    + " is not merchandise + shipping - discounts = " + computed.amountMinor());
        }
    }

    /** A seller order without discounts or shipping: its total is its merchandise. */
    public static SellerOrderTotals undiscounted(String sellerOrderId, String storeId, String sellerId,
                                                 Money merchandise) {
        Money zero = Money.zero(merchandise.currency());
        return new SellerOrderTotals(sellerOrderId, storeId, sellerId, merchandise, zero, zero, zero, merchandise);
    }

    /**
     * Checks that {@code parts} is a split of {@code whole}: at least one part, no seller order twice, and the
     * parts' totals add up to the whole to the minor unit, in its currency.
     */
    public static void requireSplitOf(Money whole, List<SellerOrderTotals> parts) {
        Amounts.requireNotNegative(whole, "total");
        if (parts == null || parts.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one seller order");
        }
        Money sum = Money.zero(whole.currency());
        var seen = new HashSet<String>();
        for (SellerOrderTotals part : parts) {
            if (part == null) {
                throw new IllegalArgumentException("a seller order is null");
            }
            if (!seen.add(part.sellerOrderId())) {
                throw new IllegalArgumentException("seller order " + part.sellerOrderId() + " appears twice");
            }
            sum = sum.plus(part.total());
        }
        if (!sum.equals(whole)) {
            throw new IllegalArgumentException("seller orders add up to " + sum.amountMinor() + " "
                    + sum.currency() + ", not the order's " + whole.amountMinor() + " " + whole.currency());
        }
    }
}
