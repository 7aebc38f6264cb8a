package io.haat.seller.orders;

import io.haat.events.EventEnvelope;
import io.haat.events.Topics;
import io.haat.events.orders.OrderCancelled;
import io.haat.events.orders.OrderConfirmed;
import io.haat.events.orders.OrderPlaced;
import io.haat.events.orders.SellerOrderStatusChanged;
import io.haat.platform.messaging.EventEnvelopes;
import io.haat.platform.messaging.consumer.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Consumes {@code orders.order}: the saga's stock steps and the store-order copy, each event applied once. */
@Component
public class OrderEventsListener {

    static final String GROUP = "seller-service.orders";

    private final EventEnvelopes envelopes;
    private final ProcessedEvents processed;
    private final OrderEventHandler handler;

    public OrderEventsListener(EventEnvelopes envelopes, ProcessedEvents processed, OrderEventHandler handler) {
        this.envelopes = envelopes;
        this.processed = processed;
        this.handler = handler;
    }

    @KafkaListener(topics = Topics.ORDERS_ORDER, groupId = "${haat.seller.kafka.group-prefix:seller-service}.orders")
    public void onOrderEvent(String value) {
        handle(envelopes.parse(value));
    }

    /** Applies one event (types this service does not handle are skipped); false for a duplicate. */
    public boolean handle(EventEnvelope<JsonNode> envelope) {
        Runnable effect = switch (envelope.type()) {
            case "OrderPlaced" -> {
                var event = envelopes.withPayload(envelope, OrderPlaced.class);
                yield () -> handler.placed(event.payload(), event.occurredAt());
            }
            case "OrderConfirmed" -> {
                var event = envelopes.withPayload(envelope, OrderConfirmed.class);
                yield () -> handler.confirmed(event.payload(), event.occurredAt());
            }
            case "OrderCancelled" -> {
                var event = envelopes.withPayload(envelope, OrderCancelled.class);
                yield () -> handler.cancelled(event.payload(), event.occurredAt());
            }
            case "SellerOrderStatusChanged" -> {
                var event = envelopes.withPayload(envelope, SellerOrderStatusChanged.class);
                yield () -> handler.sellerOrderChanged(event.payload(), event.occurredAt());
            }
            default -> null;
        };
        return effect != null && processed.runOnce(GROUP, envelope, effect);
    }
}
