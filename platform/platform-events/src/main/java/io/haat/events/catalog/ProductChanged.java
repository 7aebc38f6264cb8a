package io.haat.events.catalog;

import io.haat.events.DomainEvent;
import io.haat.events.Money;
import java.util.List;

/** A product's snapshot after a change: what order-service needs to price a cart without calling back. */
public record ProductChanged(String productId, String storeId, String sellerId, String name, String categoryId,
                             ProductStatus status, List<Variant> variants) implements DomainEvent {

    /**
     * One sellable variant. {@code weightGrams} (added later, so null in older payloads and for variants whose
     * seller gave no weight) lets order-service weigh a parcel for shipping.
     */
    public record Variant(String sku, Money price, Money compareAtPrice, Integer weightGrams) {
    }

    @Override
    public String aggregateId() {
        return productId;
    }
}
