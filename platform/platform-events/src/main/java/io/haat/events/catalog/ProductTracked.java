package io.haat.events.catalog;

import io.haat.events.DomainEvent;
import java.time.Instant;

/** A product view, search click or add-to-cart, for seller analytics. */
public record ProductTracked(String productId, String storeId, String kind, String userId, Instant at)
        implements DomainEvent {
    @Override
    public String aggregateId() {
        return productId;
    }
}
