package io.haat.events.payment;

import io.haat.events.DomainEvent;

/** A payment attempt failed or expired. */
public record PaymentFailed(String paymentId, String orderId, String provider, String reason) implements DomainEvent {
    @Override
    public String aggregateId() {
        return paymentId;
    }
}
