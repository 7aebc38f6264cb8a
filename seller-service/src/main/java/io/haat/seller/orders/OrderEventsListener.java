package io.haat.seller.orders;

import io.haat.events.EventEnvelope;
import io.haat.events.Topics;
import io.haat.events.orders.OrderCancelled;
import io.haat.events.orders.OrderConfirmed;
import io.haat.events.orders.OrderPlaced;
import io.haat.events.orders.ReturnStatusChanged;
import io.haat.events.orders.SellerOrderStatusChanged;
import io.haat.platform.messaging.EventEnvelopes;
import io.haat.platform.messaging.EventRouter;
import io.haat.platform.messaging.consumer.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Consumes {@code orders.order}: the saga's stock steps and the store-order copy, each event applied once. */
@Component
public class OrderEventsListener {

    static final String GROUP = "seller-service.orders";

    private final EventRouter router;

    public OrderEventsListener(EventEnvelopes envelopes, ProcessedEvents processed, OrderEventHandler handler) {
        // types this service does not handle are skipped
        this.router = EventRouter.builder(envelopes)
                .guard((event, effect) -> processed.runOnce(GROUP, event, effect))
                .on(OrderPlaced.class, event -> handler.placed(event.payload(), event.occurredAt()))
                .on(OrderConfirmed.class, event -> handler.confirmed(event.payload(), event.occurredAt()))
                .on(OrderCancelled.class, event -> handler.cancelled(event.payload(), event.occurredAt()))
                .on(SellerOrderStatusChanged.class,
                        event -> handler.sellerOrderChanged(event.payload(), event.occurredAt()))
                .on(ReturnStatusChanged.class, event -> handler.returnChanged(event.payload()))
                .build();
    }

    @KafkaListener(topics = Topics.ORDERS_ORDER, groupId = "${haat.seller.kafka.group-prefix:seller-service}.orders")
    public void onOrderEvent(String value) {
        router.dispatch(value);
    }

    /** Applies one event once; false for a duplicate or a type this service does not handle. */
    public boolean handle(EventEnvelope<JsonNode> envelope) {
        return router.dispatch(envelope);
    }
}
