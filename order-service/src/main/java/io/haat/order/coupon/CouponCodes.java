package io.haat.order.coupon;

import io.haat.platform.web.InvalidRequestException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Coupon codes are case-insensitive: stored and compared upper case, 3..32 of {@code A-Z 0-9 _ -}. */
final class CouponCodes {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9_-]{3,32}");

    private CouponCodes() {
    }

    /** The normalised code, or 400 {@code validation} naming {@code field}. */
    static String normalise(String code, String field) {
        String upper = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(upper).matches()) {
            throw new InvalidRequestException(field, "must be 3 to 32 letters, digits, '_' or '-'");
        }
        return upper;
    }
}
