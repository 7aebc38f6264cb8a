package io.haat.order.coupon;

import io.haat.platform.web.UnprocessableException;
import java.time.Instant;

/**
 * Why a coupon cannot be used (422): {@code coupon-not-applicable} (unknown, inactive, not started, no line of its
 * store, another currency, below its minimum), {@code coupon-expired}, {@code coupon-exhausted} (its usage limit
 * is reached), {@code coupon-limit-reached} (the customer's own limit is reached). Carries the {@code code}.
 */
public class CouponRefusal extends UnprocessableException {

    private CouponRefusal(String type, String title, String code, String detail) {
        super(type, title, detail);
        with("code", code);
    }

    static CouponRefusal notApplicable(String code, String why) {
        return new CouponRefusal("coupon-not-applicable", "Coupon not applicable", code, "Coupon " + code + " " + why + ".");
    }

    static CouponRefusal unknown(String code) {
        return notApplicable(code, "does not exist");
    }

    static CouponRefusal expired(String code, Instant endedAt) {
        return new CouponRefusal("coupon-expired", "Coupon expired", code,
                "Coupon " + code + " ended at " + endedAt + ".");
    }

    static CouponRefusal exhausted(String code) {
        return new CouponRefusal("coupon-exhausted", "Coupon used up", code,
                "Coupon " + code + " has no uses left.");
    }

    static CouponRefusal limitReached(String code, int limit) {
        return new CouponRefusal("coupon-limit-reached", "Coupon limit reached", code,
                "You have used coupon " + code + " " + limit + " time" + (limit == 1 ? "" : "s") + " already.");
    }
}
