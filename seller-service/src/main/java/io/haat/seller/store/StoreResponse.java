package io.haat.seller.store;

import java.time.Instant;
import java.util.UUID;

/** A store, as its owner, admins and (when ACTIVE) the public see it. */
public record StoreResponse(UUID id, UUID sellerId, String name, String slug, String description, StoreStatus status,
                            Instant createdAt, Instant updatedAt, long version) {

    public static StoreResponse from(Store s) {
        return new StoreResponse(s.id(), s.sellerId(), s.name(), s.slug(), s.description(), s.status(), s.createdAt(),
                s.updatedAt(), s.version());
    }
}
