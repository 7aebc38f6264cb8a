package io.haat.catalog.store;

import io.haat.events.seller.StoreStatus;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * catalog-service's copy of a seller-service store, kept from {@code seller.store} events (or fetched once
 * from seller-service when an event has not arrived yet). {@code version} is seller-service's store version:
 * an older copy never overwrites a newer one.
 */
@Document("stores")
public record StoreCopy(@Id String id, @Indexed String sellerId, String name, String slug, StoreStatus status,
                        long version, Instant updatedAt) {

    public boolean isActive() {
        return status == StoreStatus.ACTIVE;
    }
}
