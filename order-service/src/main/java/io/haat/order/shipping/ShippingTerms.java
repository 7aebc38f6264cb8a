package io.haat.order.shipping;

/**
 * What a seller sets on a shipping method: its name, price rule, delivery estimate in days (0 ≤ min ≤ max ≤ 60),
 * where it delivers, and whether customers may choose it.
 */
public record ShippingTerms(String name, ShippingRate rate, int minDays, int maxDays, ShippingArea area,
                            boolean active) {

    public static final int MAX_DAYS = 60;

    public ShippingTerms {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a shipping method has a name");
        }
        if (minDays < 0 || minDays > maxDays || maxDays > MAX_DAYS) {
            throw new IllegalArgumentException("not 0 <= minDays <= maxDays <= " + MAX_DAYS + ": " + minDays + ".."
                    + maxDays);
        }
    }

    public String currency() {
        return rate.currency();
    }

    ShippingTerms withActive(boolean value) {
        return new ShippingTerms(name, rate, minDays, maxDays, area, value);
    }
}
