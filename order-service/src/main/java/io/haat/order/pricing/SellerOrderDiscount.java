package io.haat.order.pricing;

import io.haat.events.Money;
import java.util.Map;

/**
 * The discount of one seller order, split by who funds it (store coupon: the seller; site coupon: the platform)
 * and allocated to its lines (by line key) and to shipping (free-shipping coupons). {@code sellerFunded +
 * platformFunded} equals the sum of {@code lines} plus {@code shipping}, to the minor unit.
 */
public record SellerOrderDiscount(String key, Money sellerFunded, Money platformFunded, Map<String, Money> lines,
                                  Money shipping) {

    public SellerOrderDiscount {
        lines = Map.copyOf(lines);
    }

    public Money total() {
        return sellerFunded.plus(platformFunded);
    }
}
