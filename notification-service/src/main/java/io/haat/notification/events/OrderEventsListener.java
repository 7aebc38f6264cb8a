package io.haat.notification.events;

import static io.haat.notification.notice.Amounts.format;
import static io.haat.notification.notice.Amounts.shortId;

import io.haat.events.EventEnvelope;
import io.haat.events.Topics;
import io.haat.events.orders.CashCollected;
import io.haat.events.orders.DeliveryStatus;
import io.haat.events.orders.DeliveryStatusChanged;
import io.haat.events.orders.DisputeChanged;
import io.haat.events.orders.OrderCancelled;
import io.haat.events.orders.OrderConfirmed;
import io.haat.events.orders.OrderLine;
import io.haat.events.orders.OrderPlaced;
import io.haat.events.orders.ReturnStatusChanged;
import io.haat.events.orders.SellerOrderStatusChanged;
import io.haat.notification.directory.Directory;
import io.haat.notification.notice.Notice;
import io.haat.notification.notice.NotificationType;
import io.haat.notification.notice.Notifier;
import io.haat.notification.stream.LiveUpdates;
import io.haat.platform.messaging.EventEnvelopes;
import io.haat.platform.messaging.EventRouter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What customers and sellers hear about their orders, from {@code orders.order}. Every message is a {@link Notice}
 * keyed by the event's id, so a redelivered event sends nothing twice. Delivery progress also goes live (the
 * customer's map and timeline), without a message for every step.
 */
@Component
class OrderEventsListener {

    /** Its own consumer group: other listeners of these topics in this service (chat) get every event too. */
    static final String GROUP = "${haat.notification.kafka.group-prefix:notification-service}.notices";

    private final Notifier notifier;
    private final Recipients recipients;
    private final Directory directory;
    private final LiveUpdates live;
    private final EventRouter router;

    OrderEventsListener(EventEnvelopes envelopes, Notifier notifier, Recipients recipients, Directory directory,
                        LiveUpdates live) {
        this.notifier = notifier;
        this.recipients = recipients;
        this.directory = directory;
        this.live = live;
        this.router = EventRouter.builder(envelopes)
                .on(OrderPlaced.class, this::placed)
                .on(OrderConfirmed.class, this::confirmed)
                .on(OrderCancelled.class, this::cancelled)
                .on(SellerOrderStatusChanged.class, this::sellerOrderChanged)
                .on(DeliveryStatusChanged.class, this::deliveryChanged)
                .on(ReturnStatusChanged.class, this::returnChanged)
                .on(DisputeChanged.class, this::disputeChanged)
                .on(CashCollected.class, this::cashCollected)
                .build();
    }

    /**
     * Several consumers (one per partition). Events are keyed by their aggregate: an order's own events stay in
     * order, while a delivery's, return's or dispute's (keyed by their own ids) may pass them; one whose recipient is
     * not known yet is retried ({@link RecipientUnknownException}). Each event costs several database round trips;
     * with one consumer the customers' live updates waited behind everyone else's under load (issue 17).
     */
    @KafkaListener(topics = Topics.ORDERS_ORDER, groupId = GROUP,
            concurrency = "${haat.notification.kafka.order-consumers:3}")
    void onOrderEvent(String value) {
        router.dispatch(value);
    }

    private void placed(EventEnvelope<OrderPlaced> event) {
        OrderPlaced order = event.payload();
        Set<Directory.OrderStore> stores = new LinkedHashSet<>();
        if (order.sellerOrders() != null) {
            order.sellerOrders().forEach(part -> stores.add(new Directory.OrderStore(part.storeId(), part.sellerId())));
        }
        int items = 0;
        if (order.lines() != null) {
            for (OrderLine line : order.lines()) {
                stores.add(new Directory.OrderStore(line.storeId(), null));
                items += line.quantity();
            }
        }
        // a store named by a line and by its seller order's totals: keep the one that knows the seller
        List<Directory.OrderStore> distinct = stores.stream()
                .filter(s -> s.sellerId() != null || stores.stream()
                        .noneMatch(o -> o.sellerId() != null && o.storeId().equals(s.storeId())))
                .toList();
        directory.order(order.orderId(), order.customerId(), distinct);
        notifier.notify(new Notice(id(event), order.customerId(), NotificationType.ORDER_PLACED,
                "Order " + shortId(order.orderId()) + " placed",
                "We have your order of " + items + " item" + (items == 1 ? "" : "s") + " for "
                        + format(order.total()) + ". We will tell you as soon as it is confirmed.",
                orderLink(order.orderId()),
                orderData(order.orderId(), Map.of("total", format(order.total()), "items", items))));
    }

    private void confirmed(EventEnvelope<OrderConfirmed> event) {
        OrderConfirmed order = event.payload();
        String customer = recipients.customer(order.orderId(), order.customerId());
        notifier.notify(new Notice(id(event), customer, NotificationType.ORDER_CONFIRMED,
                "Order " + shortId(order.orderId()) + " confirmed",
                "Your order of " + format(order.total()) + " is confirmed; the sellers are preparing it.",
                orderLink(order.orderId()), orderData(order.orderId(), Map.of("total", format(order.total())))));
        for (Directory.OrderStore store : directory.storesOf(order.orderId())) {
            notifier.notify(new Notice(id(event), recipients.storeOwner(store.storeId(), store.sellerId()),
                    NotificationType.NEW_SELLER_ORDER, "New order " + shortId(order.orderId()),
                    "A paid order for " + recipients.storeName(store.storeId()) + " is waiting to be prepared.",
                    "/seller/orders?orderId=" + order.orderId(),
                    orderData(order.orderId(), Map.of("storeId", store.storeId()))));
        }
    }

    private void cancelled(EventEnvelope<OrderCancelled> event) {
        OrderCancelled order = event.payload();
        String customer = recipients.customer(order.orderId(), order.customerId());
        String why = switch (order.reasonCode()) {
            case STOCK_REJECTED, RESERVATION_EXPIRED -> "some items are no longer in stock";
            case PAYMENT_DEADLINE_PASSED -> "it was not paid in time";
            case CUSTOMER_CANCELLED -> "you cancelled it";
            case SELLER_CANCELLED -> "the seller could not fulfil it";
            case ADMIN_CANCELLED -> "our support team cancelled it";
            case OTHER -> "it could not be completed";
        };
        notifier.notify(new Notice(id(event), customer, NotificationType.ORDER_CANCELLED,
                "Order " + shortId(order.orderId()) + " cancelled",
                "Your order was cancelled because " + why + "."
                        + (Boolean.TRUE.equals(order.refundDue()) ? " Your payment will be refunded." : ""),
                orderLink(order.orderId()), orderData(order.orderId(),
                        Map.of("reason", order.reasonCode().name(), "refundDue", order.refundDue()))));
    }

    private void sellerOrderChanged(EventEnvelope<SellerOrderStatusChanged> event) {
        SellerOrderStatusChanged changed = event.payload();
        NotificationType type;
        String title;
        String body;
        String store = recipients.storeName(changed.storeId());
        switch (changed.status()) {
            case SHIPPED -> {
                type = NotificationType.ORDER_SHIPPED;
                title = "Your order " + shortId(changed.orderId()) + " has shipped";
                body = "Your parcel from " + store + " is on its way.";
            }
            case OUT_FOR_DELIVERY -> {
                type = NotificationType.OUT_FOR_DELIVERY;
                title = "Your order " + shortId(changed.orderId()) + " is out for delivery";
                body = "Your parcel from " + store + " arrives today.";
            }
            case DELIVERED -> {
                type = NotificationType.ORDER_DELIVERED;
                title = "Your order " + shortId(changed.orderId()) + " was delivered";
                body = "Your parcel from " + store + " was delivered. Enjoy it, and tell others what you think.";
            }
            default -> {
                // the other steps show on the order's page and live; returns and refunds have their own events
                live.publish(recipients.customer(changed.orderId(), changed.customerId()), "seller-order.status",
                        sellerOrderData(changed));
                return;
            }
        }
        notifier.notify(new Notice(id(event), recipients.customer(changed.orderId(), changed.customerId()), type,
                title, body, orderLink(changed.orderId()), sellerOrderData(changed)));
    }

    private void deliveryChanged(EventEnvelope<DeliveryStatusChanged> event) {
        DeliveryStatusChanged delivery = event.payload();
        String customer = recipients.customer(delivery.orderId(), delivery.customerId());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", delivery.orderId());
        data.put("sellerOrderId", delivery.sellerOrderId());
        data.put("deliveryId", delivery.deliveryId());
        data.put("status", delivery.status().name());
        data.put("carrier", delivery.carrier());
        data.put("trackingNumber", delivery.trackingNumber());
        data.put("trackingUrl", delivery.trackingUrl());
        data.put("location", delivery.location());
        data.put("estimatedFrom", delivery.estimatedFrom());
        data.put("estimatedTo", delivery.estimatedTo());
        data.put("at", delivery.at());
        data.values().removeIf(java.util.Objects::isNull);
        live.publish(customer, "delivery.status", data);
        if (delivery.agentId() != null) {
            live.publish(delivery.agentId(), "delivery.status", data);
        }
        if (delivery.status() == DeliveryStatus.FAILED) {
            notifier.notify(new Notice(id(event), customer, NotificationType.DELIVERY_FAILED,
                    "We could not deliver order " + shortId(delivery.orderId()),
                    "The courier could not deliver your parcel"
                            + (delivery.note() != null ? ": " + delivery.note() : "")
                            + ". We will try again or get in touch.",
                    orderLink(delivery.orderId()), data));
        }
    }

    private void returnChanged(EventEnvelope<ReturnStatusChanged> event) {
        ReturnStatusChanged changed = event.payload();
        String customer = recipients.customer(changed.orderId(), changed.customerId());
        String status = switch (changed.status()) {
            case REQUESTED -> "We have your return request; the seller will answer it soon.";
            case APPROVED -> "Your return was approved. Please send the items back.";
            case REJECTED -> "Your return was not accepted" + (changed.note() != null ? ": " + changed.note() : ".");
            case RECEIVED -> "The seller received the items you returned.";
            case REFUNDED -> "Your return is complete and "
                    + (changed.refund() != null ? format(changed.refund()) + " is" : "your money is") + " refunded.";
        };
        Map<String, Object> data = orderData(changed.orderId(), Map.of("returnId", changed.returnId(),
                "sellerOrderId", changed.sellerOrderId(), "status", changed.status().name()));
        notifier.notify(new Notice(id(event), customer, NotificationType.RETURN_UPDATED,
                "Return for order " + shortId(changed.orderId()) + ": " + changed.status().name().toLowerCase(),
                status, orderLink(changed.orderId()), data));
        if (changed.status() == io.haat.events.orders.ReturnStatus.REQUESTED && changed.storeId() != null) {
            notifier.notify(new Notice(id(event), recipients.storeOwner(changed.storeId(), null),
                    NotificationType.RETURN_UPDATED, "Return requested for order " + shortId(changed.orderId()),
                    "A customer asked to return items" + (changed.note() != null ? ": " + changed.note() : "."),
                    "/seller/returns/" + changed.returnId(), data));
        }
    }

    private void disputeChanged(EventEnvelope<DisputeChanged> event) {
        DisputeChanged dispute = event.payload();
        String body = switch (dispute.kind()) {
            case OPENED -> "A dispute was opened about this order; our team will look into it.";
            case MESSAGE -> "There is a new message in the dispute about this order.";
            case RESOLVED -> switch (dispute.outcome()) {
                case FULL_REFUND -> "The dispute was resolved with a full refund.";
                case PARTIAL_REFUND -> "The dispute was resolved with a partial refund"
                        + (dispute.refund() != null ? " of " + format(dispute.refund()) : "") + ".";
                case REJECTED -> "The dispute was resolved without a refund.";
            };
        };
        Map<String, Object> data = orderData(dispute.orderId(), Map.of("disputeId", dispute.disputeId(),
                "kind", dispute.kind().name()));
        String title = "Dispute about order " + shortId(dispute.orderId()) + ": " + dispute.kind().name().toLowerCase();
        String customer = recipients.customer(dispute.orderId(), dispute.customerId());
        if (!customer.equals(dispute.by())) {
            notifier.notify(new Notice(id(event), customer, NotificationType.DISPUTE_UPDATED, title, body,
                    orderLink(dispute.orderId()), data));
        }
        if (dispute.storeId() != null) {
            String seller = recipients.storeOwner(dispute.storeId(), null);
            if (!seller.equals(dispute.by())) {
                notifier.notify(new Notice(id(event), seller, NotificationType.DISPUTE_UPDATED, title, body,
                        "/seller/disputes/" + dispute.disputeId(), data));
            }
        }
    }

    private void cashCollected(EventEnvelope<CashCollected> event) {
        CashCollected cash = event.payload();
        notifier.notify(new Notice(id(event), recipients.storeOwner(cash.storeId(), null),
                NotificationType.CASH_COLLECTED, "Cash collected for order " + shortId(cash.orderId()),
                "The courier collected " + format(cash.amount()) + " on delivery.",
                "/seller/orders?orderId=" + cash.orderId(),
                orderData(cash.orderId(), Map.of("amount", format(cash.amount()), "sellerOrderId",
                        cash.sellerOrderId()))));
    }

    private static Map<String, Object> sellerOrderData(SellerOrderStatusChanged changed) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", changed.orderId());
        data.put("orderNumber", shortId(changed.orderId()));
        data.put("sellerOrderId", changed.sellerOrderId());
        data.put("storeId", changed.storeId());
        data.put("status", changed.status().name());
        if (changed.note() != null) {
            data.put("note", changed.note());
        }
        return data;
    }

    static Map<String, Object> orderData(String orderId, Map<String, Object> more) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", orderId);
        data.put("orderNumber", shortId(orderId));
        data.putAll(more);
        return data;
    }

    static String orderLink(String orderId) {
        return "/orders/" + orderId;
    }

    static String id(EventEnvelope<?> event) {
        return event.eventId().toString();
    }
}
