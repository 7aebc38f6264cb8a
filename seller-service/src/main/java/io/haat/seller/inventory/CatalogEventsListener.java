package io.haat.seller.inventory;

import io.haat.events.EventEnvelope;
import io.haat.events.Topics;
import io.haat.events.catalog.ProductChanged;
import io.haat.platform.messaging.EventEnvelopes;
import io.haat.platform.messaging.EventRouter;
import io.haat.platform.messaging.MalformedEventException;
import io.haat.platform.messaging.consumer.ProcessedEvents;
import java.util.UUID;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link CatalogCopy} from {@code catalog.product}: each event once ({@code processed_event}) and only if newer
 * than the copy (aggregate version). A snapshot without a store id or status goes to the dead-letter topic.
 */
@Component
public class CatalogEventsListener {

    static final String GROUP = "seller-service.catalog";

    private final CatalogCopy copy;
    private final EventRouter router;

    public CatalogEventsListener(EventEnvelopes envelopes, ProcessedEvents processed, CatalogCopy copy) {
        this.copy = copy;
        this.router = EventRouter.builder(envelopes)
                .guard((event, effect) -> processed.runOnce(GROUP, event, effect))
                .on(ProductChanged.class, this::changed)
                .build();
    }

    @KafkaListener(topics = Topics.CATALOG_PRODUCT, groupId = "${haat.seller.kafka.group-prefix:seller-service}.catalog")
    public void onProductEvent(String value) {
        router.dispatch(value);
    }

    /** Applies one record value as Kafka delivers it; false for a duplicate or a type not kept here. */
    public boolean handle(String value) {
        return router.dispatch(value);
    }

    private void changed(EventEnvelope<ProductChanged> event) {
        ProductChanged product = event.payload();
        UUID storeId;
        try {
            storeId = UUID.fromString(String.valueOf(product.storeId()));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("ProductChanged " + event.eventId() + ": storeId is not a store id", e);
        }
        if (product.status() == null) {
            throw new MalformedEventException("ProductChanged " + event.eventId() + ": no status", null);
        }
        copy.apply(storeId, product, event.aggregateVersion());
    }
}
