package io.haat.catalog.recommendation;

import io.haat.events.EventEnvelope;
import io.haat.events.Topics;
import io.haat.events.catalog.ProductTracked;
import io.haat.events.orders.OrderLine;
import io.haat.events.orders.OrderPlaced;
import io.haat.platform.messaging.EventEnvelopes;
import io.haat.platform.messaging.EventRouter;
import java.util.List;
import java.util.Objects;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Learns from behaviour, in its own consumer group (review eligibility reads {@code orders.order} in the service's
 * main group; two listeners of one group would split the partitions between them): {@code OrderPlaced} → the
 * order's co-purchases, purchases and the customer's history (once per order); {@code ProductTracked} product
 * views → popularity, co-views of signed-in customers and their history.
 */
@Component
public class RecommendationEventsListener {

    static final String GROUP = "${spring.application.name}-recommendations";
    private static final String PRODUCT_VIEW = "PRODUCT_VIEW";

    private final InteractionStore store;
    private final EventRouter orders;
    private final EventRouter tracking;

    public RecommendationEventsListener(EventEnvelopes envelopes, InteractionStore store) {
        this.store = store;
        this.orders = EventRouter.builder(envelopes).on(OrderPlaced.class, this::placed).build();
        this.tracking = EventRouter.builder(envelopes).on(ProductTracked.class, this::tracked).build();
    }

    @KafkaListener(topics = Topics.ORDERS_ORDER, groupId = GROUP)
    public void onOrderEvent(String value) {
        orders.dispatch(value);
    }

    @KafkaListener(topics = Topics.CATALOG_TRACKING, groupId = GROUP)
    public void onTrackingEvent(String value) {
        tracking.dispatch(value);
    }

    private void placed(EventEnvelope<OrderPlaced> event) {
        OrderPlaced order = event.payload();
        if (order.lines() == null || order.lines().isEmpty()) {
            return;
        }
        List<String> productIds = order.lines().stream().map(OrderLine::productId).filter(Objects::nonNull)
                .distinct().toList();
        store.recordOrder(order.orderId(), order.customerId(), productIds, event.occurredAt());
    }

    private void tracked(EventEnvelope<ProductTracked> event) {
        ProductTracked tracked = event.payload();
        if (PRODUCT_VIEW.equals(tracked.kind()) && tracked.productId() != null) {
            store.recordView(tracked.userId(), tracked.productId(),
                    tracked.at() != null ? tracked.at() : event.occurredAt());
        }
    }
}
