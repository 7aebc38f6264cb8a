package io.haat.events.orders;

import io.haat.events.DomainEvent;
import io.haat.events.Money;
import java.util.List;

/** A customer checked out; seller-service reserves the lines. */
public record OrderPlaced(String orderId, String customerId, Money total, List<OrderLine> lines)
        implements DomainEvent {
    @Override
    public String aggregateId() {
        return orderId;
    }
}
