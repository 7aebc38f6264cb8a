package io.haat.events.payment;

import io.haat.events.DomainEvent;
import io.haat.events.Money;

/** Money for an order was captured by a provider (or COD accepted). */
public record PaymentCaptured(String paymentId, String orderId, String provider, Money amount) implements DomainEvent {
    @Override
    public String aggregateId() {
        return paymentId;
    }
}
