package io.haat.order.pricing;

import java.util.List;

/**
 * The coupons applied to an order (or previewed on a cart) and the discount of each seller order, one entry per
 * draft, in the drafts' order (a zero discount where none applies).
 */
public record Discounts(List<AppliedCoupon> coupons, List<SellerOrderDiscount> sellerOrders) {

    public Discounts {
        coupons = List.copyOf(coupons);
        sellerOrders = List.copyOf(sellerOrders);
    }

    /** A coupon that applies: its code, its store (null: a site-wide coupon) and its type. */
    public record AppliedCoupon(String code, String storeId, String type) {
    }
}
