package io.haat.events.payment;

import io.haat.events.Money;
import java.time.Instant;

/** The checks the payment contracts share, so that a malformed event cannot be built (nor read). */
final class Checks {

    private Checks() {
    }

    static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    static void requireIds(String paymentId, String orderId, PaymentProvider provider, int attempt) {
        requireText(paymentId, "paymentId");
        requireText(orderId, "orderId");
        if (provider == null) {
            throw new IllegalArgumentException("provider is required");
        }
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt counts from 1, not " + attempt);
        }
    }

    static void requirePositive(Money amount, String name) {
        if (amount == null || amount.amountMinor() <= 0) {
            throw new IllegalArgumentException(name + " must be a positive amount, not " + amount);
        }
    }

    static void requireTime(Instant at, String name) {
        if (at == null) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
