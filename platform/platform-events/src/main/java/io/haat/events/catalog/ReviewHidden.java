package io.haat.events.catalog;

import io.haat.events.DomainEvent;

/** An admin hid a review (it left the product's rating); {@code reason} is the admin's, for telling the author. */
public record ReviewHidden(String reviewId, String productId, String storeId, String authorId, String reason)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return reviewId;
    }
}
