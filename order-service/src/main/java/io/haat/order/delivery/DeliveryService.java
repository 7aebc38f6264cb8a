package io.haat.order.delivery;

import io.haat.events.DomainEvent;
import io.haat.events.Topics;
import io.haat.events.orders.DeliveryStatus;
import io.haat.order.audit.AuditTrail;
import io.haat.order.order.AfterSales;
import io.haat.order.order.Order;
import io.haat.order.order.OrderSaga;
import io.haat.order.order.SellerOrder;
import io.haat.platform.domain.Transition;
import io.haat.platform.messaging.outbox.EventPublisher;
import io.haat.platform.security.Actor;
import io.haat.platform.web.NotFoundException;
import io.haat.platform.web.UnprocessableException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deliveries: opened when a seller order ships (and, without a carrier of its own, given to the least-loaded agent
 * serving the drop-off region when automatic assignment is on), assigned by admins, moved by their agent. Each move
 * loads the delivery locked, asks the {@link Delivery}, saves it, publishes its events through the outbox and makes
 * the matching seller-order move on the {@link Order} (out for delivery, delivered, returned undelivered) in the same
 * transaction.
 */
@Service
public class DeliveryService {

    static final String SYSTEM = "SYSTEM";

    private final DeliveryRepository deliveries;
    private final DeliveryAgents agents;
    private final EventPublisher publisher;
    private final OrderSaga saga;
    private final AfterSales afterSales;
    private final AuditTrail audit;
    private final DeliveryProperties properties;

    public DeliveryService(DeliveryRepository deliveries, DeliveryAgents agents, EventPublisher publisher,
                           OrderSaga saga, AfterSales afterSales, AuditTrail audit, DeliveryProperties properties) {
        this.deliveries = deliveries;
        this.agents = agents;
        this.publisher = publisher;
        this.saga = saga;
        this.afterSales = afterSales;
        this.audit = audit;
        this.properties = properties;
    }

    /**
     * The delivery of a seller order that just shipped (the one it has when a retried shipment comes again); assigned
     * at once when the marketplace delivers it and automatic assignment is on. Runs in the shipment's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Delivery openFor(Order order, UUID sellerOrderId) {
        Optional<Delivery> known = deliveries.ofSellerOrder(sellerOrderId);
        if (known.isPresent()) {
            return known.get();
        }
        SellerOrder part = order.sellerOrder(sellerOrderId);
        Transition<Delivery> opened = Delivery.open(UUID.randomUUID(), order, part, saga.now());
        if (!deliveries.insert(opened.state())) {
            return deliveries.ofSellerOrder(sellerOrderId).orElseThrow();
        }
        publish(opened);
        Delivery delivery = opened.state();
        if (delivery.status() == DeliveryStatus.AWAITING_AGENT && properties.autoAssign()) {
            delivery = autoAssign(delivery);
        }
        return delivery;
    }

    /** Gives a waiting delivery to the least-loaded active agent serving its drop-off region; unchanged if none. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Delivery autoAssign(Delivery waiting) {
        String country = DeliveryRepository.upper(waiting.dropOff().country());
        String province = DeliveryRepository.upper(waiting.dropOff().province());
        Optional<String> agent = agents.lockLeastLoaded(country, province);
        if (agent.isEmpty()) {
            return waiting;
        }
        Transition<Delivery> assigned = waiting.assign(agent.get(), SYSTEM, saga.now());
        return apply(waiting, assigned);
    }

    /** An admin gives the delivery to {@code agentId} (registered if new; an inactive agent is refused with 422). */
    @Transactional
    public Delivery assign(UUID deliveryId, String agentId, Actor admin) {
        Delivery before = deliveries.lock(deliveryId).orElseThrow(() -> notFound(deliveryId));
        agents.register(agentId, saga.now());
        if (!agents.find(agentId).orElseThrow().active()) {
            throw new UnprocessableException("agent-inactive", "Agent does not take deliveries",
                    "Delivery agent " + agentId + " is not active.");
        }
        Delivery after = apply(before, before.assign(agentId, admin.id(), saga.now()));
        if (after != before) {
            audit.record(admin, "delivery.assign", "delivery", deliveryId, summary(before), summary(after));
        }
        return after;
    }

    /**
     * The agent reports a status ({@code PICKED_UP}, {@code OUT_FOR_DELIVERY}, {@code DELIVERED}, {@code FAILED},
     * {@code RETURNED_TO_SELLER}); a delivery that is not theirs is 404.
     */
    @Transactional
    public Delivery report(UUID deliveryId, String agentId, DeliveryStatus status, Delivery.Report report) {
        Delivery before = deliveries.lock(deliveryId).filter(d -> agentId.equals(d.agentId()))
                .orElseThrow(() -> notFound(deliveryId));
        Transition<Delivery> moved = switch (status) {
            case PICKED_UP -> before.pickUp(report, agentId, saga.now());
            case OUT_FOR_DELIVERY -> before.outForDelivery(report, agentId, saga.now());
            case DELIVERED -> before.deliver(report, agentId, saga.now());
            case FAILED -> before.fail(report, agentId, saga.now());
            case RETURNED_TO_SELLER -> before.returnToSeller(report, agentId, saga.now());
            case WITH_CARRIER, AWAITING_AGENT, ASSIGNED -> throw new IllegalArgumentException(
                    "an agent does not report " + status);
        };
        return follow(before, moved);
    }

    /** The store says its own carrier delivered the parcel (in the caller's transaction). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Delivery carrierDelivered(UUID sellerOrderId, Delivery.Report report, String by) {
        Delivery before = deliveries.lockOfSellerOrder(sellerOrderId).orElseThrow(() -> new NotFoundException(
                "delivery-not-found", "Delivery not found", "Seller order " + sellerOrderId + " has not shipped."));
        return follow(before, before.carrierDelivered(report, by, saga.now()));
    }

    /** An admin sets an agent's regions and whether they take deliveries (registering them if new); audited. */
    @Transactional
    public DeliveryAgents.Agent putAgent(String agentId, List<String> regions, boolean active, Actor admin) {
        DeliveryAgents.Agent before = agents.find(agentId).orElse(null);
        DeliveryAgents.Agent after = agents.put(agentId, regions, active, saga.now());
        audit.record(admin, "delivery-agent.put", "delivery-agent", agentId, before, after);
        return after;
    }

    /** The agent's deliveries, open ones first; the agent is registered on their first look. */
    @Transactional
    public List<Delivery> mine(String agentId) {
        agents.register(agentId, saga.now());
        return deliveries.ofAgent(agentId, properties.panelSize());
    }

    private Delivery follow(Delivery before, Transition<Delivery> moved) {
        Delivery after = apply(before, moved);
        if (after == before) {
            return after;
        }
        UUID part = after.sellerOrderId();
        String orderId = after.orderId().toString();
        switch (after.status()) {
            case OUT_FOR_DELIVERY -> saga.change(orderId, order -> order.outForDelivery(part, saga.now()));
            case DELIVERED -> saga.change(orderId, order -> order.deliver(part,
                    afterSales.returnWindow(after.storeId()), saga.now()));
            case RETURNED_TO_SELLER -> saga.change(orderId, order -> order.returnUndelivered(part,
                    after.lastNote() == null ? "delivery failed" : after.lastNote(), saga.now()));
            default -> {
                // assigned, picked up, failed: the seller order stays SHIPPED / OUT_FOR_DELIVERY
            }
        }
        return after;
    }

    private Delivery apply(Delivery before, Transition<Delivery> transition) {
        if (!transition.changed()) {
            return before;
        }
        deliveries.save(before, transition.state());
        publish(transition);
        return transition.state();
    }

    private void publish(Transition<Delivery> transition) {
        for (DomainEvent event : transition.events()) {
            publisher.publish(Topics.ORDERS_ORDER, event, transition.state().version());
        }
    }

    private static Object summary(Delivery delivery) {
        return java.util.Map.of("status", delivery.status(), "agentId", String.valueOf(delivery.agentId()));
    }

    static NotFoundException notFound(UUID deliveryId) {
        return new NotFoundException("delivery-not-found", "Delivery not found",
                "Delivery " + deliveryId + " was not found.");
    }
}
