package io.haat.order.delivery;

import io.haat.events.DomainEvent;
import io.haat.events.Money;
import io.haat.events.orders.CashCollected;
import io.haat.events.orders.DeliveryStatus;
import io.haat.events.orders.DeliveryStatusChanged;
import io.haat.events.orders.GeoPoint;
import io.haat.order.order.Order;
import io.haat.order.order.SellerOrder;
import io.haat.order.pricing.DeliveryAddress;
import io.haat.platform.domain.IllegalTransition;
import io.haat.platform.domain.Transition;
import io.haat.platform.web.UnprocessableException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The delivery of one shipped seller order: with the store's own carrier (WITH_CARRIER), or by one of the
 * marketplace's delivery agents. It alone decides its status; each move is a step of its timeline (with where and
 * when) and one {@link DeliveryStatusChanged}, and a cash-on-delivery hand-over also a {@link CashCollected}.
 *
 * <pre>
 * from \ on         assign      pickUp     outForDelivery  deliver     fail       returnToSeller  carrierDelivered
 * WITH_CARRIER      illegal     illegal    illegal         illegal     illegal    illegal         DELIVERED
 * AWAITING_AGENT    ASSIGNED    illegal    illegal         illegal     illegal    illegal         illegal
 * ASSIGNED          ASSIGNED*   PICKED_UP  illegal         illegal     illegal    illegal         illegal
 * PICKED_UP         illegal     unchanged  OUT_FOR_DEL.    illegal     FAILED     illegal         illegal
 * OUT_FOR_DELIVERY  illegal     illegal    unchanged       DELIVERED   FAILED     illegal         illegal
 * FAILED            ASSIGNED    illegal    OUT_FOR_DEL.**  illegal     unchanged  RETURNED_TO_S.  illegal
 * DELIVERED         illegal     illegal    illegal         unchanged   illegal    illegal         unchanged
 * RETURNED_TO_SELLER illegal    illegal    illegal         illegal     illegal    unchanged       illegal
 * </pre>
 * (*) to another agent; the same agent again is unchanged. (**) a re-attempt: {@code attempts} counts them.
 *
 * <p>The estimate starts as the shipping method's range counted from the day of shipment and becomes "today" when
 * the parcel is out for delivery. {@code cashDue} is this seller order's share of the order's cash on delivery
 * ({@link Order#cashDue}); DELIVERED needs exactly that amount collected (422 otherwise).
 */
public record Delivery(UUID id, UUID orderId, UUID sellerOrderId, String storeId, UUID customerId, String agentId,
                       DeliveryStatus status, String carrier, String trackingNumber, String trackingUrl,
                       Money cashDue, DeliveryAddress dropOff, LocalDate estimatedFrom, LocalDate estimatedTo,
                       int attempts, List<Step> steps, long version, Instant createdAt) {

    private static final String AGGREGATE = "delivery";

    /**
     * One move of the delivery, oldest first: the status after it, when, where the agent was (if given), a note
     * (a failure's reason), the recipient's name and cash collected on delivery, and who made it (a user id or
     * SYSTEM).
     */
    public record Step(DeliveryStatus status, Instant at, GeoPoint location, String note, String recipientName,
                       Money cashCollected, String by) {
    }

    /** What an agent reports with a status: where, a note, and on delivery who took it and the cash collected. */
    public record Report(GeoPoint location, String note, String recipientName, Money codCollected) {

        public static Report none() {
            return new Report(null, null, null, null);
        }
    }

    public Delivery {
        steps = List.copyOf(steps);
    }

    /** Whether an agent is (still) on it: it counts towards their load. */
    public boolean open() {
        return status == DeliveryStatus.ASSIGNED || status == DeliveryStatus.PICKED_UP
                || status == DeliveryStatus.OUT_FOR_DELIVERY || status == DeliveryStatus.FAILED;
    }

    /**
     * The delivery of {@code part} of {@code order}, just shipped: WITH_CARRIER when the store named a carrier of its
     * own, else AWAITING_AGENT. The estimate is the shipping method's range counted from the day of shipment.
     */
    public static Transition<Delivery> open(UUID id, Order order, SellerOrder part, Instant at) {
        SellerOrder.Shipment shipment = part.shipment();
        boolean own = shipment.ownCarrier();
        SellerOrder.Estimate estimate = part.shippingMethod().countedFrom(order.placedAt(), at);
        DeliveryStatus status = own ? DeliveryStatus.WITH_CARRIER : DeliveryStatus.AWAITING_AGENT;
        Delivery delivery = new Delivery(id, order.id(), part.id(), part.storeId(), order.customerId(), null, status,
                own ? shipment.carrier() : null, own ? shipment.trackingNumber() : null,
                own ? shipment.trackingUrl() : null, order.cashDue(part.id()), order.address(),
                estimate.from(), estimate.to(), 0,
                List.of(new Step(status, at, null, own ? "shipped with " + shipment.carrier() : null, null, null,
                        null)), 1, at);
        return Transition.to(delivery, delivery.changed(at, null, null));
    }

    /** An admin or the automatic assignment gives it to {@code agent}. */
    public Transition<Delivery> assign(String agent, String by, Instant at) {
        if (status == DeliveryStatus.ASSIGNED && agent.equals(agentId)) {
            return Transition.unchanged(this);
        }
        require(status == DeliveryStatus.AWAITING_AGENT || status == DeliveryStatus.ASSIGNED
                || status == DeliveryStatus.FAILED, "assigned");
        return move(agent, DeliveryStatus.ASSIGNED, attempts, estimatedFrom, estimatedTo,
                new Step(DeliveryStatus.ASSIGNED, at, null, "assigned to " + agent, null, null, by));
    }

    /** The agent took the parcel at the store. */
    public Transition<Delivery> pickUp(Report report, String by, Instant at) {
        if (status == DeliveryStatus.PICKED_UP) {
            return Transition.unchanged(this);
        }
        require(status == DeliveryStatus.ASSIGNED, "picked up");
        return move(agentId, DeliveryStatus.PICKED_UP, attempts, estimatedFrom, estimatedTo, step(
                DeliveryStatus.PICKED_UP, report, by, at));
    }

    /** The agent is on the way to the customer (again, after a failed attempt): expected today. */
    public Transition<Delivery> outForDelivery(Report report, String by, Instant at) {
        if (status == DeliveryStatus.OUT_FOR_DELIVERY) {
            return Transition.unchanged(this);
        }
        require(status == DeliveryStatus.PICKED_UP || status == DeliveryStatus.FAILED, "out for delivery");
        SellerOrder.Estimate today = SellerOrder.Estimate.on(at);
        return move(agentId, DeliveryStatus.OUT_FOR_DELIVERY, attempts + 1, today.from(), today.to(), step(
                DeliveryStatus.OUT_FOR_DELIVERY, report, by, at));
    }

    /**
     * The agent handed the parcel over. With cash due, {@code codCollected} must be exactly it (else 422
     * {@code cod-amount-mismatch}) and {@link CashCollected} is raised; without, no cash may be reported.
     */
    public Transition<Delivery> deliver(Report report, String by, Instant at) {
        if (status == DeliveryStatus.DELIVERED) {
            return Transition.unchanged(this);
        }
        require(status == DeliveryStatus.OUT_FOR_DELIVERY, "delivered");
        return handOver(report, by, at);
    }

    /** The store's own carrier delivered it (the store says so); the same cash rule as {@link #deliver}. */
    public Transition<Delivery> carrierDelivered(Report report, String by, Instant at) {
        if (status == DeliveryStatus.DELIVERED) {
            return Transition.unchanged(this);
        }
        require(status == DeliveryStatus.WITH_CARRIER, "delivered by its carrier");
        return handOver(report, by, at);
    }

    /** An attempt failed ({@code note}: why); the agent tries again or returns the parcel to the store. */
    public Transition<Delivery> fail(Report report, String by, Instant at) {
        if (status == DeliveryStatus.FAILED) {
            return Transition.unchanged(this);
        }
        require(status == DeliveryStatus.PICKED_UP || status == DeliveryStatus.OUT_FOR_DELIVERY, "failed");
        return move(agentId, DeliveryStatus.FAILED, attempts, estimatedFrom, estimatedTo, step(
                DeliveryStatus.FAILED, report, by, at));
    }

    /** After a failed attempt the parcel goes back to the store (the seller order is cancelled, refunded, restocked). */
    public Transition<Delivery> returnToSeller(Report report, String by, Instant at) {
        if (status == DeliveryStatus.RETURNED_TO_SELLER) {
            return Transition.unchanged(this);
        }
        require(status == DeliveryStatus.FAILED, "returned to the seller");
        return move(agentId, DeliveryStatus.RETURNED_TO_SELLER, attempts, estimatedFrom, estimatedTo, step(
                DeliveryStatus.RETURNED_TO_SELLER, report, by, at));
    }

    /** The note of the latest step that has one (a failure's reason). */
    public String lastNote() {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).note() != null) {
                return steps.get(i).note();
            }
        }
        return null;
    }

    private Transition<Delivery> handOver(Report report, String by, Instant at) {
        Money collected = report.codCollected();
        if (cashDue.amountMinor() > 0) {
            if (collected == null || !collected.equals(cashDue)) {
                throw mismatch("Cash due on delivery is " + cashDue.amountMinor() + " " + cashDue.currency()
                        + "; collected " + (collected == null ? "nothing" : collected.amountMinor() + " "
                        + collected.currency()) + ".");
            }
        } else if (collected != null && collected.amountMinor() != 0) {
            throw mismatch("No cash is due on this delivery.");
        }
        Step step = new Step(DeliveryStatus.DELIVERED, at, report.location(), report.note(), report.recipientName(),
                cashDue.amountMinor() > 0 ? cashDue : null, by);
        Transition<Delivery> delivered = move(agentId, DeliveryStatus.DELIVERED, attempts, estimatedFrom,
                estimatedTo, step);
        if (cashDue.amountMinor() == 0) {
            return delivered;
        }
        List<DomainEvent> events = new ArrayList<>(delivered.events());
        events.add(new CashCollected(id.toString(), orderId.toString(), sellerOrderId.toString(), storeId, agentId,
                cashDue, at));
        return Transition.to(delivered.state(), events.toArray(DomainEvent[]::new));
    }

    private static UnprocessableException mismatch(String detail) {
        return new UnprocessableException("cod-amount-mismatch", "Cash collected does not match", detail);
    }

    private static Step step(DeliveryStatus status, Report report, String by, Instant at) {
        return new Step(status, at, report.location(), report.note(), report.recipientName(), null, by);
    }

    private Transition<Delivery> move(String agent, DeliveryStatus next, int tries, LocalDate from, LocalDate to,
                                      Step step) {
        List<Step> timeline = new ArrayList<>(steps);
        timeline.add(step);
        Delivery after = new Delivery(id, orderId, sellerOrderId, storeId, customerId, agent, next, carrier,
                trackingNumber, trackingUrl, cashDue, dropOff, from, to, tries, timeline, version + 1, createdAt);
        return Transition.to(after, after.changed(step.at(), step.location(), step.note()));
    }

    private DeliveryStatusChanged changed(Instant at, GeoPoint location, String note) {
        return new DeliveryStatusChanged(id.toString(), orderId.toString(), sellerOrderId.toString(), storeId,
                customerId.toString(), agentId, status, carrier, trackingNumber, trackingUrl, location, estimatedFrom,
                estimatedTo, note, at);
    }

    private void require(boolean allowed, String action) {
        if (!allowed) {
            throw new IllegalTransition(AGGREGATE, status, action);
        }
    }
}
