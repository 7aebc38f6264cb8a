package io.haat.order.coupon;

import io.haat.events.Money;
import io.haat.platform.web.FieldProblem;
import io.haat.platform.web.InvalidRequestException;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * The body of {@code PUT …/coupons/{code}}. {@code value}: the percent 1..100 (PERCENTAGE) or the amount in minor
 * units of {@code currency} (FIXED, currency required); absent or 0 for FREE_SHIPPING. {@code minSubtotal} carries
 * its currency, which must be the coupon's. {@code active} defaults to true.
 */
public record CouponRequest(@NotNull CouponType type, Long value, String currency, Money minSubtotal,
                            @Positive Integer usageLimit, @Positive Integer perCustomerLimit, Instant startsAt,
                            Instant endsAt, Boolean active) {

    /** What the rules Bean Validation cannot express allow: the coupon's terms, or 400 naming every bad field. */
    Terms terms() {
        List<FieldProblem> errors = new ArrayList<>();
        String cur = currency == null ? null : currency.strip().toUpperCase(Locale.ROOT);
        if (cur != null && !isCurrency(cur)) {
            errors.add(new FieldProblem("currency", "is not an ISO 4217 currency code"));
        }
        switch (type) {
            case PERCENTAGE -> {
                if (value == null || value < 1 || value > 100) {
                    errors.add(new FieldProblem("value", "must be a percent between 1 and 100"));
                }
            }
            case FIXED -> {
                if (value == null || value < 1) {
                    errors.add(new FieldProblem("value", "must be an amount of at least 1 minor unit"));
                }
                if (cur == null) {
                    errors.add(new FieldProblem("currency", "is required for a FIXED coupon"));
                }
            }
            case FREE_SHIPPING -> {
                if (value != null && value != 0) {
                    errors.add(new FieldProblem("value", "must be absent for a FREE_SHIPPING coupon"));
                }
            }
        }
        if (minSubtotal != null) {
            if (minSubtotal.amountMinor() < 0) {
                errors.add(new FieldProblem("minSubtotal.amountMinor", "must be greater than or equal to 0"));
            }
            if (cur != null && !cur.equals(minSubtotal.currency())) {
                errors.add(new FieldProblem("minSubtotal.currency", "must be the coupon's currency " + cur));
            }
            cur = cur == null ? minSubtotal.currency() : cur;
        }
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            errors.add(new FieldProblem("endsAt", "must be after startsAt"));
        }
        InvalidRequestException.throwIfAny(errors);
        return new Terms(type, type == CouponType.FREE_SHIPPING ? 0 : value, cur,
                minSubtotal == null ? null : minSubtotal.amountMinor(), usageLimit, perCustomerLimit, micros(startsAt),
                micros(endsAt), active == null || active);
    }

    /** A coupon's terms, valid. */
    record Terms(CouponType type, long value, String currency, Long minSubtotalMinor, Integer usageLimit,
                 Integer perCustomerLimit, Instant startsAt, Instant endsAt, boolean active) {
    }

    /** To the microsecond PostgreSQL keeps, so what a PUT answers equals what a later GET returns. */
    private static Instant micros(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
    }

    private static boolean isCurrency(String code) {
        try {
            Currency.getInstance(code);
            return code.length() == 3;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
