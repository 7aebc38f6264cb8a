package io.haat.events.catalog;

import io.haat.events.DomainEvent;

/** An admin made a hidden review visible again (it counts in the product's rating again). */
public record ReviewRestored(String reviewId, String productId, String storeId, String authorId)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return reviewId;
    }
}
