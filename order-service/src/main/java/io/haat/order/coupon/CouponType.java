package io.haat.order.coupon;

/** What a coupon takes off: a percentage of its scope's merchandise, a fixed amount of it, or its shipping. */
public enum CouponType {
    PERCENTAGE, FIXED, FREE_SHIPPING
}
