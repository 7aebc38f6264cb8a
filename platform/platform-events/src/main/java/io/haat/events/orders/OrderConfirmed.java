package io.haat.events.orders;

import io.haat.events.DomainEvent;
import io.haat.events.Money;

/** An order was paid (or cash on delivery accepted); reserved stock is committed. */
public record OrderConfirmed(String orderId, String customerId, Money total) implements DomainEvent {
    @Override
    public String aggregateId() {
        return orderId;
    }
}
