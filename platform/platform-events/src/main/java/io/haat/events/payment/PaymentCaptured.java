package io.haat.events.payment;

import io.haat.events.DomainEvent;
import io.haat.events.Money;
import java.time.Instant;

/**
 * Money for an order was captured by a provider, once per payment: the provider was asked with the
 * idempotency key {@code orderId + ":" + attempt}, so retries never capture twice. A cash-on-delivery payment
 * is captured when the cash is collected, after its {@link CashOnDeliveryAccepted}.
 */
public record PaymentCaptured(String paymentId, String orderId, PaymentProvider provider, int attempt,
                              Money amount, Instant capturedAt) implements DomainEvent {

    public PaymentCaptured {
        Checks.requireIds(paymentId, orderId, provider, attempt);
        Checks.requirePositive(amount, "amount");
        Checks.requireTime(capturedAt, "capturedAt");
    }

    @Override
    public String aggregateId() {
        return paymentId;
    }
}
