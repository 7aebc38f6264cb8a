package io.haat.catalog.review;

import io.haat.events.EventEnvelope;
import io.haat.events.Topics;
import io.haat.events.orders.OrderLine;
import io.haat.events.orders.OrderPlaced;
import io.haat.events.orders.SellerOrderStatus;
import io.haat.events.orders.SellerOrderStatusChanged;
import io.haat.platform.messaging.EventEnvelopes;
import io.haat.platform.messaging.EventRouter;
import java.time.Instant;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Learns review eligibility from {@code orders.order}: {@code OrderPlaced} records who bought which product in
 * which line; {@code SellerOrderStatusChanged} to DELIVERED (or COMPLETED) marks the lines of that store's part of
 * the order delivered. Both effects are upserts keyed by line / seller order, so redelivery changes nothing, and a
 * delivery seen before its order (not expected: same key, same partition) is remembered and applied on arrival.
 */
@Component
public class OrderEventsListener {

    static final String DELIVERIES = "delivered_seller_orders";
    private static final Set<SellerOrderStatus> DELIVERED = Set.of(SellerOrderStatus.DELIVERED,
            SellerOrderStatus.COMPLETED);

    private final MongoTemplate mongo;
    private final EventRouter router;

    public OrderEventsListener(EventEnvelopes envelopes, MongoTemplate mongo) {
        this.mongo = mongo;
        // other order events are not about eligibility
        this.router = EventRouter.builder(envelopes)
                .on(OrderPlaced.class, event -> placed(event.payload(), event.occurredAt()))
                .on(SellerOrderStatusChanged.class, event -> statusChanged(event.payload(), event.occurredAt()))
                .build();
    }

    @KafkaListener(topics = Topics.ORDERS_ORDER)
    public void onOrderEvent(String value) {
        router.dispatch(value);
    }

    private void placed(OrderPlaced order, Instant at) {
        if (order.lines() == null) {
            return;
        }
        for (OrderLine line : order.lines()) {
            if (line.productId() == null || line.sku() == null) {
                continue;
            }
            Document delivery = mongo.findById(deliveryId(order.orderId(), line.storeId()), Document.class, DELIVERIES);
            Update update = new Update()
                    .setOnInsert("orderId", order.orderId()).setOnInsert("customerId", order.customerId())
                    .setOnInsert("storeId", line.storeId()).setOnInsert("sellerOrderId", line.sellerOrderId())
                    .setOnInsert("productId", line.productId()).setOnInsert("sku", line.sku())
                    .setOnInsert("placedAt", at);
            if (delivery != null) {
                update.set("delivered", true).set("deliveredAt", delivery.getDate("at").toInstant());
            } else {
                update.setOnInsert("delivered", false);
            }
            mongo.upsert(Query.query(Criteria.where("_id").is(Purchase.lineId(order.orderId(), line.sku()))), update,
                    Purchase.class);
        }
    }

    private void statusChanged(SellerOrderStatusChanged changed, Instant occurredAt) {
        if (changed.status() == null || !DELIVERED.contains(changed.status())) {
            return;
        }
        Instant at = changed.at() != null ? changed.at() : occurredAt;
        mongo.upsert(Query.query(Criteria.where("_id").is(deliveryId(changed.orderId(), changed.storeId()))),
                new Update().setOnInsert("sellerOrderId", changed.sellerOrderId()).setOnInsert("at", at), DELIVERIES);
        mongo.updateMulti(Query.query(Criteria.where("orderId").is(changed.orderId()).and("storeId")
                        .is(changed.storeId()).and("delivered").is(false)),
                new Update().set("delivered", true).set("deliveredAt", at), Purchase.class);
    }

    private static String deliveryId(String orderId, String storeId) {
        return orderId + ":" + storeId;
    }
}
