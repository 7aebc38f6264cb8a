package io.haat.order.catalog;

import io.haat.events.Topics;
import io.haat.events.catalog.ProductChanged;
import io.haat.events.inventory.StockLevelChanged;
import io.haat.platform.messaging.EventEnvelopes;
import io.haat.platform.messaging.EventRouter;
import io.haat.platform.messaging.consumer.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the local copies: products from {@code catalog.product}, availability from {@code seller.inventory}.
 * Each event is applied once ({@code processed_event}) and only if newer than the copy (aggregate version).
 */
@Component
public class CatalogEventsListener {

    static final String GROUP = "order-service.catalog-copies";

    private final EventRouter router;

    public CatalogEventsListener(EventEnvelopes envelopes, ProcessedEvents processed, CatalogCopies copies) {
        this.router = EventRouter.builder(envelopes)
                .guard((event, effect) -> processed.runOnce(GROUP, event, effect))
                .on(ProductChanged.class,
                        event -> copies.apply(event.payload(), event.aggregateVersion(), event.occurredAt()))
                .on(StockLevelChanged.class,
                        event -> copies.apply(event.payload(), event.aggregateVersion(), event.occurredAt()))
                .build();
    }

    @KafkaListener(topics = {Topics.CATALOG_PRODUCT, Topics.SELLER_INVENTORY},
            groupId = "${haat.order.kafka.group-prefix:order-service}.catalog-copies")
    public void onEvent(String value) {
        router.dispatch(value);
    }

    /** Applies one record value as Kafka delivers it; false for a duplicate or a type not kept here. */
    public boolean handle(String value) {
        return router.dispatch(value);
    }
}
