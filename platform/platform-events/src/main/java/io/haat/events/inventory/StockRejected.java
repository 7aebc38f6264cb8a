package io.haat.events.inventory;

import io.haat.events.DomainEvent;
import java.util.List;

/** An order could not be reserved; nothing was reserved; {@code unmet} names the short lines. */
public record StockRejected(String orderId, List<StockLine> unmet) implements DomainEvent {
    @Override
    public String aggregateId() {
        return orderId;
    }
}
