package io.haat.events.inventory;

import io.haat.events.DomainEvent;

/** The stock of one SKU changed; catalog-service shows availability from it. */
public record StockLevelChanged(String storeId, String sku, int quantity, int reserved, int available)
        implements DomainEvent {
    @Override
    public String aggregateId() {
        return storeId + ":" + sku;
    }
}
