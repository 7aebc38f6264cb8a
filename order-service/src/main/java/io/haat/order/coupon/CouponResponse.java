package io.haat.order.coupon;

import io.haat.events.Money;
import java.time.Instant;

/** A coupon as its seller or an admin sees it; {@code storeId} null for a site-wide coupon. */
public record CouponResponse(String code, String storeId, CouponType type, long value, String currency,
                             Money minSubtotal, Integer usageLimit, Integer perCustomerLimit, int used,
                             Instant startsAt, Instant endsAt, boolean active, Instant createdAt, Instant updatedAt) {

    static CouponResponse of(Coupon coupon) {
        return new CouponResponse(coupon.code(), coupon.storeId(), coupon.type(), coupon.value(), coupon.currency(),
                coupon.minSubtotal(), coupon.usageLimit(), coupon.perCustomerLimit(), coupon.used(),
                coupon.startsAt(), coupon.endsAt(), coupon.active(), coupon.createdAt(), coupon.updatedAt());
    }
}
