package io.haat.events.inventory;

import io.haat.events.DomainEvent;

/** Available stock of a SKU crossed its low-stock threshold downwards. */
public record LowStock(String storeId, String sellerId, String sku, int available, int threshold)
        implements DomainEvent {
    @Override
    public String aggregateId() {
        return storeId + ":" + sku;
    }
}
