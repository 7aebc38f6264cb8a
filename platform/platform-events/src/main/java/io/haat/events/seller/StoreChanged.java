package io.haat.events.seller;

import io.haat.events.DomainEvent;

/** A store was opened, edited, suspended, reinstated or closed; carries what catalog and orders keep locally. */
public record StoreChanged(String storeId, String sellerId, String name, String slug, StoreStatus status)
        implements DomainEvent {
    @Override
    public String aggregateId() {
        return storeId;
    }
}
