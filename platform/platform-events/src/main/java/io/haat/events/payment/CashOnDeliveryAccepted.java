package io.haat.events.payment;

import io.haat.events.DomainEvent;
import io.haat.events.Money;
import java.time.Instant;

/**
 * payment-service accepted to collect {@code amount} of an order in cash on delivery. It counts towards paying
 * the order (order-service confirms when captured + accepted covers the total); the same payment is later
 * {@link PaymentCaptured} when the delivery agent collects the cash, or {@link PaymentFailed} (COD_NOT_COLLECTED).
 */
public record CashOnDeliveryAccepted(String paymentId, String orderId, int attempt, Money amount,
                                     Instant acceptedAt) implements DomainEvent {

    public CashOnDeliveryAccepted {
        Checks.requireIds(paymentId, orderId, PaymentProvider.CASH_ON_DELIVERY, attempt);
        Checks.requirePositive(amount, "amount");
        Checks.requireTime(acceptedAt, "acceptedAt");
    }

    @Override
    public String aggregateId() {
        return paymentId;
    }
}
