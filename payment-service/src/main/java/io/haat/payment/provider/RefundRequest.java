package io.haat.payment.provider;

import io.haat.events.Money;
import java.util.Objects;
import java.util.UUID;

/**
 * Give back {@code amount} of a captured payment. The refund id is the idempotency key sent to the provider
 * (deterministic for automatic refunds, docs/order-payment-contract.md), so a retry never refunds twice.
 */
public record RefundRequest(UUID refundId, PaymentLookup payment, Money amount, String reason) {

    public RefundRequest {
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(amount, "amount");
        if (amount.amountMinor() <= 0 || !amount.currency().equals(payment.amount().currency())) {
            throw new IllegalArgumentException("a refund takes a positive amount in the payment's currency");
        }
        if (amount.amountMinor() > payment.amount().amountMinor()) {
            throw new IllegalArgumentException("a refund cannot exceed the payment: " + amount);
        }
    }
}
