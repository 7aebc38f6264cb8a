package io.haat.order.coupon;

import io.haat.events.Money;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A coupon as stored. {@code storeId} null: a site-wide coupon (funded by the platform), else a store's (funded by
 * its seller). {@code value} is the percent (PERCENTAGE) or the amount in minor units of {@code currency} (FIXED), 0
 * for FREE_SHIPPING; {@code currency} is set for FIXED and whenever there is a minimum subtotal.
 */
public record Coupon(UUID id, String storeId, String code, CouponType type, long value, String currency,
                     Long minSubtotalMinor, Integer usageLimit, Integer perCustomerLimit, int used, Instant startsAt,
                     Instant endsAt, boolean active, Instant createdAt, Instant updatedAt) {

    public boolean siteWide() {
        return storeId == null;
    }

    /** The cart / order scope the coupon takes: its store, or {@code ""} for the one site-wide coupon. */
    public String scope() {
        return storeId == null ? "" : storeId;
    }

    public Money minSubtotal() {
        return minSubtotalMinor == null ? null : new Money(minSubtotalMinor, currency);
    }

    /** Why it cannot be used at {@code now} (inactive, not started, ended, no uses left); empty when it can. */
    public Optional<CouponRefusal> refusalAt(Instant now) {
        if (!active) {
            return Optional.of(CouponRefusal.notApplicable(code, "is not active"));
        }
        if (startsAt != null && now.isBefore(startsAt)) {
            return Optional.of(CouponRefusal.notApplicable(code, "is not valid before " + startsAt));
        }
        if (endsAt != null && !now.isBefore(endsAt)) {
            return Optional.of(CouponRefusal.expired(code, endsAt));
        }
        if (usageLimit != null && used >= usageLimit) {
            return Optional.of(CouponRefusal.exhausted(code));
        }
        return Optional.empty();
    }
}
