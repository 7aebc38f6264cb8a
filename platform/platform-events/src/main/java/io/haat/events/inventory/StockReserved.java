package io.haat.events.inventory;

import io.haat.events.DomainEvent;
import java.time.Instant;
import java.util.List;

/** Every line of an order was reserved, until {@code expiresAt}. */
public record StockReserved(String orderId, List<StockLine> lines, Instant expiresAt) implements DomainEvent {
    @Override
    public String aggregateId() {
        return orderId;
    }
}
