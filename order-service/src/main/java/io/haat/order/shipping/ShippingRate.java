package io.haat.order.shipping;

import io.haat.events.Money;

/**
 * The price rule of a shipping method, in one currency. The merchandise subtotal a rule is asked about is always in
 * that currency ({@link ShippingMethod#quote} skips a method of another currency).
 */
public sealed interface ShippingRate {

    long GRAMS_PER_KG = 1_000;

    ShippingType type();

    String currency();

    /** What shipping a parcel of {@code weightGrams} with this merchandise subtotal costs. */
    Money cost(long weightGrams, Money merchandise);

    /** The same fee whatever the parcel. */
    record Flat(Money fee) implements ShippingRate {

        @Override
        public ShippingType type() {
            return ShippingType.FLAT;
        }

        @Override
        public String currency() {
            return fee.currency();
        }

        @Override
        public Money cost(long weightGrams, Money merchandise) {
            return fee;
        }
    }

    /** A base fee plus a rate per started kilogram: 1 g to 1,000 g is one kilogram, 1,001 g two; 0 g none. */
    record ByWeight(Money base, Money perKg) implements ShippingRate {

        public ByWeight {
            requireSameCurrency(base, perKg);
        }

        @Override
        public ShippingType type() {
            return ShippingType.BY_WEIGHT;
        }

        @Override
        public String currency() {
            return base.currency();
        }

        @Override
        public Money cost(long weightGrams, Money merchandise) {
            return base.plus(perKg.times(startedKilograms(weightGrams)));
        }

        static long startedKilograms(long weightGrams) {
            if (weightGrams < 0) {
                throw new IllegalArgumentException("a parcel weighs at least 0 g, not " + weightGrams);
            }
            return Math.ceilDiv(weightGrams, GRAMS_PER_KG);
        }
    }

    /** Free once the merchandise subtotal reaches {@code threshold} (at it or above); {@code fee} below it. */
    record FreeOver(Money threshold, Money fee) implements ShippingRate {

        public FreeOver {
            requireSameCurrency(threshold, fee);
        }

        @Override
        public ShippingType type() {
            return ShippingType.FREE_OVER;
        }

        @Override
        public String currency() {
            return fee.currency();
        }

        @Override
        public Money cost(long weightGrams, Money merchandise) {
            return merchandise.minus(threshold).belowZero() ? fee : Money.zero(fee.currency());
        }
    }

    private static void requireSameCurrency(Money a, Money b) {
        if (!a.currency().equals(b.currency())) {
            throw new IllegalArgumentException("one rate, one currency: " + a.currency() + " and " + b.currency());
        }
    }
}
