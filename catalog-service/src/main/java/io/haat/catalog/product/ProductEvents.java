package io.haat.catalog.product;

import io.haat.catalog.support.outbox.MongoOutbox;
import io.haat.catalog.support.outbox.PendingEvent;
import io.haat.events.Topics;
import io.haat.events.catalog.ProductChanged;
import org.springframework.stereotype.Component;

/** The {@code catalog.product} snapshot of a product: what order-service needs to price a cart without calling back. */
@Component
public class ProductEvents {

    private final MongoOutbox outbox;

    public ProductEvents(MongoOutbox outbox) {
        this.outbox = outbox;
    }

    public PendingEvent changed(Product product, long version) {
        return outbox.event(Topics.CATALOG_PRODUCT, snapshot(product), version);
    }

    public static ProductChanged snapshot(Product p) {
        return new ProductChanged(p.id(), p.storeId(), p.sellerId(), p.name(), p.categoryId(), p.status().name(),
                p.variants().stream().map(v -> new ProductChanged.Variant(v.sku(), v.price(), v.compareAtPrice()))
                        .toList());
    }
}
