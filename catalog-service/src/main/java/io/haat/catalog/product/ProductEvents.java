package io.haat.catalog.product;

import io.haat.events.Topics;
import io.haat.platform.domain.Transition;
import io.haat.platform.messaging.mongo.MongoOutbox;
import io.haat.platform.messaging.mongo.PendingEvent;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The events a product transition raised (its {@code ProductChanged} snapshot: what order-service needs to price a
 * cart without calling back), as {@code catalog.product} entries for the product document's outbox.
 */
@Component
public class ProductEvents {

    private final MongoOutbox outbox;

    public ProductEvents(MongoOutbox outbox) {
        this.outbox = outbox;
    }

    /** Each event of {@code transition}, carrying the version the product has after it. */
    public List<PendingEvent> of(Transition<Product> transition) {
        long version = transition.state().currentVersion();
        return transition.events().stream().map(e -> outbox.event(Topics.CATALOG_PRODUCT, e, version)).toList();
    }
}
