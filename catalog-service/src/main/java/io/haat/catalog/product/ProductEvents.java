package io.haat.catalog.product;

import io.haat.events.Topics;
import io.haat.events.catalog.ProductChanged;
import io.haat.platform.messaging.mongo.MongoOutbox;
import io.haat.platform.messaging.mongo.PendingEvent;
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
        return new ProductChanged(p.id(), p.storeId(), p.sellerId(), p.name(), p.categoryId(), published(p.status()),
                p.variants().stream().map(v -> new ProductChanged.Variant(v.sku(), v.price(), v.compareAtPrice()))
                        .toList());
    }

    // exhaustive on purpose: a new product status does not compile until the contract knows it
    private static io.haat.events.catalog.ProductStatus published(ProductStatus status) {
        return switch (status) {
            case DRAFT -> io.haat.events.catalog.ProductStatus.DRAFT;
            case PENDING_REVIEW -> io.haat.events.catalog.ProductStatus.PENDING_REVIEW;
            case ACTIVE -> io.haat.events.catalog.ProductStatus.ACTIVE;
            case REJECTED -> io.haat.events.catalog.ProductStatus.REJECTED;
            case BANNED -> io.haat.events.catalog.ProductStatus.BANNED;
            case ARCHIVED -> io.haat.events.catalog.ProductStatus.ARCHIVED;
            case DELETED -> io.haat.events.catalog.ProductStatus.DELETED;
        };
    }
}
