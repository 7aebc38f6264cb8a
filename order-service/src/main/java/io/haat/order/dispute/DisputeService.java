package io.haat.order.dispute;

import io.haat.events.DomainEvent;
import io.haat.events.Money;
import io.haat.events.Topics;
import io.haat.events.orders.DisputeChanged;
import io.haat.events.orders.RefundRequested;
import io.haat.order.order.Order;
import io.haat.order.order.OrderRepository;
import io.haat.order.order.OrderSaga;
import io.haat.order.order.SellerOrder;
import io.haat.order.returns.RefundLedger;
import io.haat.order.returns.ReturnRepository;
import io.haat.order.returns.ReturnRequest;
import io.haat.order.store.StoreOwnership;
import io.haat.platform.audit.OutboxAuditTrail;
import io.haat.platform.domain.Transition;
import io.haat.platform.messaging.outbox.EventPublisher;
import io.haat.platform.security.Actor;
import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.ConflictException;
import io.haat.platform.web.InvalidRequestException;
import io.haat.platform.web.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disputes, one transaction each: load (locked), ask the {@link Dispute}, save, publish its events through the
 * outbox, write the audit record. The customer, the store's seller and admins take part; anyone else gets 404.
 */
@Service
public class DisputeService {

    private final DisputeRepository disputes;
    private final OrderRepository orders;
    private final OrderSaga saga;
    private final ReturnRepository returns;
    private final RefundLedger ledger;
    private final EventPublisher publisher;
    private final OutboxAuditTrail audit;
    private final StoreOwnership ownership;
    private final CurrentUser currentUser;

    public DisputeService(DisputeRepository disputes, OrderRepository orders, OrderSaga saga, ReturnRepository returns,
                          RefundLedger ledger, EventPublisher publisher, OutboxAuditTrail audit,
                          StoreOwnership ownership, CurrentUser currentUser) {
        this.disputes = disputes;
        this.orders = orders;
        this.saga = saga;
        this.returns = returns;
        this.ledger = ledger;
        this.publisher = publisher;
        this.audit = audit;
        this.ownership = ownership;
        this.currentUser = currentUser;
    }

    /** What the customer opens a dispute with. */
    public record Opening(UUID returnId, UUID sellerOrderId, String reason, String message) {
    }

    /**
     * The customer opens a dispute on their order: on one of its returns, on one store's part, or (an order of one
     * store) on the order. One open dispute per return, and per order otherwise → 409 {@code dispute-already-open}.
     */
    @Transactional
    public Dispute open(UUID orderId, Opening opening) {
        UUID customerId = currentUser.id();
        Order order = orders.lock(orderId).filter(o -> o.customerId().equals(customerId))
                .orElseThrow(() -> new NotFoundException("order-not-found", "Order not found",
                        "Order " + orderId + " was not found."));
        SellerOrder part = partOf(order, opening);
        Instant now = saga.now();
        Transition<Dispute> opened = Dispute.open(UUID.randomUUID(), orderId, opening.returnId(), part.id(),
                part.storeId(), part.sellerId(), customerId, opening.reason(), order.total().currency(), now);
        try {
            disputes.insert(opened.state());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("dispute-already-open", "A dispute is already open",
                    "This " + (opening.returnId() == null ? "order" : "return") + " already has an open dispute.");
        }
        Dispute dispute = opened.state();
        disputes.insertMessage(dispute.id(), new DisputeMessage(UUID.randomUUID(), customerId.toString(), "CUSTOMER",
                opening.message(), now));
        publish(opened);
        audit.record(actor(), "dispute.open", "dispute", dispute.id(), null, dispute);
        return dispute;
    }

    /** The dispute, if the caller takes part in it. */
    public Dispute visible(UUID disputeId) {
        return disputes.find(disputeId).filter(this::takesPart).orElseThrow(() -> notFound(disputeId));
    }

    public List<DisputeMessage> messages(UUID disputeId) {
        return disputes.messages(visible(disputeId).id());
    }

    /** A message of the customer, the store's seller or an admin; a resolved dispute takes none (409). */
    @Transactional
    public DisputeMessage post(UUID disputeId, String body) {
        Dispute before = disputes.lock(disputeId).filter(this::takesPart).orElseThrow(() -> notFound(disputeId));
        Instant now = saga.now();
        Transition<Dispute> posted = before.postMessage(currentUser.subject(), now);
        disputes.save(before, posted.state());
        DisputeMessage message = new DisputeMessage(UUID.randomUUID(), currentUser.subject(), role(before), body, now);
        disputes.insertMessage(disputeId, message);
        publish(posted);
        audit.record(actor(), "dispute.message", "dispute", disputeId, null, message);
        return message;
    }

    /**
     * An admin resolves it. The refund may not exceed what the seller order holds of captured money not yet refunded
     * or promised (for a dispute on a return, a full refund is the return's worth within that) → 422
     * {@code refund-exceeds-paid}.
     */
    @Transactional
    public Dispute resolve(UUID disputeId, DisputeChanged.Outcome outcome, Money amount, String note) {
        Dispute before = disputes.lock(disputeId).orElseThrow(() -> notFound(disputeId));
        Order order = orders.lock(before.orderId()).orElseThrow();
        Money refundable = ledger.available(order, before.sellerOrderId());
        if (before.returnId() != null && outcome == DisputeChanged.Outcome.FULL_REFUND) {
            Money worth = returns.find(before.returnId()).map(ReturnRequest::refund).orElse(refundable);
            refundable = worth.amountMinor() < refundable.amountMinor() ? worth : refundable;
        }
        Instant now = saga.now();
        Transition<Dispute> resolved = before.resolve(outcome, amount, note, refundable, currentUser.subject(), now);
        if (!resolved.changed()) {
            return before;
        }
        disputes.save(before, resolved.state());
        publish(resolved);
        resolved.events().stream().filter(RefundRequested.class::isInstance).map(RefundRequested.class::cast)
                .forEach(ledger::promise);
        audit.record(actor(), "dispute.resolve", "dispute", disputeId, before, resolved.state());
        return resolved.state();
    }

    /** payment-service refunded part of a dispute's request (inside the consumer's transaction). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refunded(UUID disputeId, String refundId, Money amount) {
        disputes.lock(disputeId).ifPresent(before -> {
            Transition<Dispute> counted = before.recordRefund(refundId, amount, saga.now());
            if (counted.changed()) {
                disputes.save(before, counted.state());
            }
        });
    }

    private boolean takesPart(Dispute dispute) {
        return currentUser.hasRole("ADMIN") || currentUser.subject().equals(dispute.customerId().toString())
                || currentUser.hasRole("SELLER") && ownership.owns(dispute.storeId());
    }

    private String role(Dispute dispute) {
        if (currentUser.subject().equals(dispute.customerId().toString())) {
            return "CUSTOMER";
        }
        return currentUser.hasRole("ADMIN") ? "ADMIN" : "SELLER";
    }

    private Actor actor() {
        return Actor.current(currentUser);
    }

    private SellerOrder partOf(Order order, Opening opening) {
        if (opening.returnId() != null) {
            ReturnRequest r = returns.find(opening.returnId()).filter(x -> x.orderId().equals(order.id()))
                    .orElseThrow(() -> new NotFoundException("return-not-found", "Return not found",
                            "Return " + opening.returnId() + " was not found."));
            return order.sellerOrder(r.sellerOrderId());
        }
        if (opening.sellerOrderId() != null) {
            return order.sellerOrders().stream().filter(p -> p.id().equals(opening.sellerOrderId())).findFirst()
                    .orElseThrow(() -> new InvalidRequestException("sellerOrderId", "is not a part of this order"));
        }
        if (order.sellerOrders().size() > 1) {
            throw new InvalidRequestException("sellerOrderId",
                    "name the store's part (or the return) for an order of several stores");
        }
        return order.sellerOrders().getFirst();
    }

    private void publish(Transition<Dispute> transition) {
        for (DomainEvent event : transition.events()) {
            publisher.publish(Topics.ORDERS_ORDER, event, transition.state().version());
        }
    }

    static NotFoundException notFound(UUID disputeId) {
        return new NotFoundException("dispute-not-found", "Dispute not found",
                "Dispute " + disputeId + " was not found.");
    }
}
