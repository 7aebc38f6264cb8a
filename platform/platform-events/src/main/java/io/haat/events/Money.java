package io.haat.events;

import java.util.Currency;
import java.util.Objects;

/** An amount in integer minor units of an ISO 4217 currency; all money arithmetic lives here. */
public record Money(long amountMinor, String currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an ISO 4217 currency: " + currency);
        }
        if (!currency.equals(currency.toUpperCase())) {
            throw new IllegalArgumentException("currency must be upper case: " + currency);
        }
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(amountMinor, other.amountMinor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(amountMinor, other.amountMinor), currency);
    }

    public Money times(long quantity) {
        return new Money(Math.multiplyExact(amountMinor, quantity), currency);
    }

    /** The share of this amount given in basis points (1/100 of a percent), rounded half up. */
    public Money basisPoints(int bps) {
        long scaled = Math.multiplyExact(amountMinor, (long) bps);
        long share = Math.floorDiv(scaled + 5_000, 10_000);
        return new Money(share, currency);
    }

    public boolean belowZero() {
        return amountMinor < 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
        }
    }
}
