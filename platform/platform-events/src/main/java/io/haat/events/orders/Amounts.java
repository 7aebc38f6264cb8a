package io.haat.events.orders;

import io.haat.events.Money;

/** The checks the order contracts share, so that a malformed event cannot be built (nor read). */
final class Amounts {

    private Amounts() {
    }

    static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    static void requireNotNegative(Money amount, String name) {
        if (amount == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        if (amount.belowZero()) {
            throw new IllegalArgumentException(name + " must not be negative: " + amount.amountMinor());
        }
    }

    /**
     * A payment choice fits the total it pays: same currency; all of it in cash exactly when the provider is
     * CASH_ON_DELIVERY; otherwise some of it online (a zero total, nothing to pay, is the one exception).
     */
    static void requireFits(PaymentChoice payment, Money total) {
        if (payment == null) {
            throw new IllegalArgumentException("payment is required");
        }
        Money online = total.minus(payment.cashOnDelivery());
        if (online.belowZero()) {
            throw new IllegalArgumentException("cash on delivery " + payment.cashOnDelivery().amountMinor()
                    + " exceeds the total " + total.amountMinor());
        }
        boolean fits = payment.cashOnly() ? online.amountMinor() == 0
                : online.amountMinor() > 0 || total.amountMinor() == 0;
        if (!fits) {
            throw new IllegalArgumentException("provider " + payment.provider() + " does not fit cash on delivery "
                    + payment.cashOnDelivery().amountMinor() + " of " + total.amountMinor());
        }
    }
}
