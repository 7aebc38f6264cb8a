package io.haat.events.orders;

import io.haat.events.DomainEvent;

/** An order was cancelled; any reservation is released and any payment refunded. */
public record OrderCancelled(String orderId, String customerId, String reason) implements DomainEvent {
    @Override
    public String aggregateId() {
        return orderId;
    }
}
