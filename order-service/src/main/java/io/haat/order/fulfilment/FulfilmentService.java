package io.haat.order.fulfilment;

import io.haat.order.audit.AuditTrail;
import io.haat.order.delivery.Delivery;
import io.haat.order.delivery.DeliveryService;
import io.haat.order.order.Order;
import io.haat.order.order.OrderRepository;
import io.haat.order.order.OrderSaga;
import io.haat.order.order.SellerOrder;
import io.haat.order.order.SellerOrderState;
import io.haat.order.store.StoreCopies;
import io.haat.order.store.StoreInfo;
import io.haat.platform.domain.Transition;
import io.haat.platform.security.Actor;
import io.haat.platform.web.NotFoundException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A store's moves of its own seller orders: process, ship (opening the delivery), cancel before shipment, confirm a
 * delivery by its own carrier. Only the store's owner sees a seller order, and only from the order's confirmation on;
 * for anyone else it does not exist (404). Every change is audited.
 */
@Service
public class FulfilmentService {

    private final OrderRepository orders;
    private final OrderSaga saga;
    private final DeliveryService deliveries;
    private final StoreCopies stores;
    private final AuditTrail audit;

    public FulfilmentService(OrderRepository orders, OrderSaga saga, DeliveryService deliveries, StoreCopies stores,
                             AuditTrail audit) {
        this.orders = orders;
        this.saga = saga;
        this.deliveries = deliveries;
        this.stores = stores;
        this.audit = audit;
    }

    /** The order holding the caller's seller order, with the store; 404 for anyone but its store's owner. */
    public Owned owned(UUID sellerOrderId, String caller) {
        Order order = orders.findBySellerOrder(sellerOrderId).orElseThrow(() -> notFound(sellerOrderId));
        SellerOrder part = order.sellerOrder(sellerOrderId);
        StoreInfo store = stores.find(part.storeId()).filter(s -> s.ownedBy(caller))
                .orElseThrow(() -> notFound(sellerOrderId));
        if (part.confirmedAt() == null) {
            throw notFound(sellerOrderId);   // the store does not see a part before the order is confirmed
        }
        return new Owned(order, part, store);
    }

    /** A seller order of the caller's store, its order and the store. */
    public record Owned(Order order, SellerOrder part, StoreInfo store) {
    }

    @Transactional
    public Order process(UUID sellerOrderId, Actor seller) {
        return change(sellerOrderId, seller, "seller-order.process", order -> order.process(sellerOrderId,
                saga.now()));
    }

    /** Ships and opens the delivery (WITH_CARRIER, or for the agents, assigned at once when configured). */
    @Transactional
    public Order ship(UUID sellerOrderId, ShipRequest request, Actor seller) {
        Order after = change(sellerOrderId, seller, "seller-order.ship", order -> order.ship(sellerOrderId,
                request.toShipment(saga.now()), saga.now()));
        if (after.sellerOrder(sellerOrderId).status() == SellerOrderState.SHIPPED) {
            deliveries.openFor(after, sellerOrderId);
        }
        return after;
    }

    /** Cancels before shipment; seller-service restocks and payment-service refunds on the event. */
    @Transactional
    public Order cancel(UUID sellerOrderId, String reason, Actor seller) {
        return change(sellerOrderId, seller, "seller-order.cancel", order -> order.cancelSellerOrder(sellerOrderId,
                reason.strip(), saga.now()));
    }

    /** The store's own carrier delivered the parcel. */
    @Transactional
    public Order carrierDelivered(UUID sellerOrderId, Delivery.Report report, Actor seller) {
        Owned owned = owned(sellerOrderId, seller.id());
        SellerOrderState was = owned.part().status();
        deliveries.carrierDelivered(sellerOrderId, report, seller.id());
        Order after = orders.find(owned.order().id()).orElseThrow();
        SellerOrder part = after.sellerOrder(sellerOrderId);
        if (part.status() != was) {
            audit.record(seller, "seller-order.delivered", "seller-order", sellerOrderId, summary(owned.part()),
                    summary(part));
        }
        return after;
    }

    private Order change(UUID sellerOrderId, Actor seller, String action, Function<Order, Transition<Order>> move) {
        Owned owned = owned(sellerOrderId, seller.id());
        Order after = saga.change(owned.order().id().toString(), move);
        SellerOrder part = after.sellerOrder(sellerOrderId);
        if (!part.equals(owned.part())) {
            audit.record(seller, action, "seller-order", sellerOrderId, summary(owned.part()), summary(part));
        }
        return after;
    }

    private static Map<String, Object> summary(SellerOrder part) {
        return part.shipment() == null ? Map.of("status", part.status())
                : Map.of("status", part.status(), "shipment", part.shipment());
    }

    static NotFoundException notFound(UUID sellerOrderId) {
        return new NotFoundException("seller-order-not-found", "Seller order not found",
                "Seller order " + sellerOrderId + " was not found.");
    }
}
