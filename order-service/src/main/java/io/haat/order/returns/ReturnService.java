package io.haat.order.returns;

import io.haat.events.DomainEvent;
import io.haat.events.Money;
import io.haat.events.Topics;
import io.haat.events.orders.RefundRequested;
import io.haat.events.orders.ReturnStatus;
import io.haat.order.order.Order;
import io.haat.order.order.OrderRepository;
import io.haat.order.order.OrderSaga;
import io.haat.order.order.SellerOrder;
import io.haat.platform.audit.OutboxAuditTrail;
import io.haat.platform.domain.Transition;
import io.haat.platform.image.ProcessedImage;
import io.haat.platform.messaging.outbox.EventPublisher;
import io.haat.platform.security.Actor;
import io.haat.platform.web.ConflictException;
import io.haat.platform.web.InvalidRequestException;
import io.haat.platform.web.NotFoundException;
import io.haat.platform.web.UnprocessableException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Returns, one transaction each: load (locked), ask the {@link ReturnRequest}, save, publish its events through the
 * outbox, move the seller order along (through {@link OrderSaga}) and, for a store's decision, write the audit record.
 */
@Service
public class ReturnService {

    private final OrderRepository orders;
    private final OrderSaga saga;
    private final ReturnRepository returns;
    private final ReturnPolicies policies;
    private final RefundLedger ledger;
    private final EventPublisher publisher;
    private final OutboxAuditTrail audit;
    private final ReturnProperties properties;
    private final ReturnAccess access;

    public ReturnService(OrderRepository orders, OrderSaga saga, ReturnRepository returns, ReturnPolicies policies,
                         RefundLedger ledger, EventPublisher publisher, OutboxAuditTrail audit,
                         ReturnProperties properties, ReturnAccess access) {
        this.access = access;
        this.orders = orders;
        this.saga = saga;
        this.returns = returns;
        this.policies = policies;
        this.ledger = ledger;
        this.publisher = publisher;
        this.audit = audit;
        this.properties = properties;
    }

    /** What the customer asks to send back (the controller's body, already validated). */
    public record Request(List<ReturnPricing.Requested> lines, ReturnReason reason, String comment) {
    }

    /**
     * The customer asks to return units of one store's delivered part of their order. Another customer's order → 404;
     * SKUs of several stores → 422 {@code return-spans-stores}; the window over → 422 {@code return-window-closed};
     * not delivered → 409; a return of that part already open → 409 {@code return-already-open}; more units than
     * delivered minus already returned → 422 {@code return-exceeds-delivered}.
     */
    @Transactional
    public ReturnRequest request(UUID customerId, UUID orderId, Request request, List<ProcessedImage> photos) {
        Order order = orders.lock(orderId).filter(o -> o.customerId().equals(customerId))
                .orElseThrow(() -> new NotFoundException("order-not-found", "Order not found",
                        "Order " + orderId + " was not found."));
        SellerOrder part = partOf(order, request.lines());
        Instant now = saga.now();
        if (part.returnWindowEndsAt() != null && !now.isBefore(part.returnWindowEndsAt())) {
            throw new UnprocessableException("return-window-closed", "Return window closed",
                    "Returns for this part of the order were accepted until " + part.returnWindowEndsAt() + ".")
                    .with("returnWindowEndsAt", part.returnWindowEndsAt().toString());
        }
        if (!order.requestReturn(part.id(), null, now).changed()) {
            throw new ConflictException("return-already-open", "A return is already open",
                    "This part of the order already has a return in progress.");
        }
        ReturnPricing pricing = ReturnPricing.of(part, request.lines(), returns.returnedQuantities(part.id()),
                policies.of(part.storeId()).shippingRefund(), request.reason());
        Transition<ReturnRequest> created = ReturnRequest.request(UUID.randomUUID(), orderId, part.id(),
                part.storeId(), part.sellerId(), customerId, request.reason(), request.comment(), pricing,
                photos.size(), now.plus(properties.approvalPeriod()), now);
        ReturnRequest saved = created.state();
        returns.insert(saved);
        for (int i = 0; i < photos.size(); i++) {
            returns.insertPhoto(saved.id(), i, photos.get(i).contentType(), photos.get(i).full());
        }
        publish(created);
        saga.change(orderId.toString(), o -> o.requestReturn(part.id(), request.reason().name(), now));
        return saved;
    }

    /** The store accepts the return. */
    @Transactional
    public ReturnRequest approve(UUID returnId, Actor seller) {
        ReturnRequest before = owned(returnId);
        Instant now = saga.now();
        return decide(before, r -> r.approve(now), o -> o.approveReturn(before.sellerOrderId(), now),
                "return.approve", seller);
    }

    /** The store refuses the return, saying why. */
    @Transactional
    public ReturnRequest reject(UUID returnId, String reason, Actor seller) {
        ReturnRequest before = owned(returnId);
        Instant now = saga.now();
        return decide(before, r -> r.reject(reason, now),
                o -> o.rejectReturn(before.sellerOrderId(), reason, now), "return.reject", seller);
    }

    /**
     * The store has the units back: restock and refund are asked for. The refund is the return's worth, but never
     * more than the seller order holds of captured money not yet refunded or promised.
     */
    @Transactional
    public ReturnRequest receive(UUID returnId, Actor seller) {
        ReturnRequest before = owned(returnId);
        Order order = orders.lock(before.orderId()).orElseThrow();
        Money available = ledger.available(order, before.sellerOrderId());
        Money refundable = available.amountMinor() < before.refund().amountMinor() ? available : before.refund();
        Instant now = saga.now();
        Transition<ReturnRequest> received = before.receive(refundable, now);
        if (!received.changed()) {
            return before;
        }
        ReturnRequest after = received.state();
        returns.save(before, after);
        publish(received);
        received.events().stream().filter(RefundRequested.class::isInstance).map(RefundRequested.class::cast)
                .forEach(ledger::promise);
        saga.change(order.id().toString(), o -> o.receiveReturn(before.sellerOrderId(), refundable, now));
        if (after.status() == ReturnStatus.REFUNDED) {
            saga.change(order.id().toString(), o -> o.refundReturn(before.sellerOrderId(), refundable, now));
        }
        audit.record(seller, "return.receive", "return", returnId, before, after);
        return after;
    }

    /** The approval deadline passed without a decision (the job's transaction; the row is locked SKIP LOCKED). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void autoApprove(UUID returnId) {
        ReturnRequest before = returns.lock(returnId).orElseThrow();
        Instant now = saga.now();
        Transition<ReturnRequest> approved = before.autoApprove(now);
        if (approved.changed()) {
            returns.save(before, approved.state());
            publish(approved);
            saga.change(before.orderId().toString(), o -> o.approveReturn(before.sellerOrderId(), now));
        }
    }

    /** payment-service refunded {@code amount} of this return's request (inside the consumer's transaction). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refunded(UUID returnId, String refundId, Money amount) {
        ReturnRequest before = returns.lock(returnId).orElse(null);
        if (before == null) {
            return; // a request of ours always has its return; nothing to settle otherwise
        }
        Instant now = saga.now();
        Transition<ReturnRequest> counted = before.recordRefund(refundId, amount, now);
        if (!counted.changed()) {
            return;
        }
        ReturnRequest after = counted.state();
        returns.save(before, after);
        publish(counted);
        if (after.status() == ReturnStatus.REFUNDED) {
            saga.change(after.orderId().toString(), o -> o.refundReturn(after.sellerOrderId(), after.refunded(), now));
        }
    }

    private ReturnRequest decide(ReturnRequest before, Function<ReturnRequest, Transition<ReturnRequest>> transition,
                                 Function<Order, Transition<Order>> orderTransition, String action, Actor seller) {
        Transition<ReturnRequest> result = transition.apply(before);
        if (!result.changed()) {
            return before;
        }
        ReturnRequest after = result.state();
        returns.save(before, after);
        publish(result);
        saga.change(before.orderId().toString(), orderTransition);
        audit.record(seller, action, "return", before.id(), before, after);
        return after;
    }

    private ReturnRequest owned(UUID returnId) {
        return returns.lock(returnId).filter(access::sellerOwns).orElseThrow(() -> ReturnAccess.notFound(returnId));
    }

    private void publish(Transition<ReturnRequest> transition) {
        for (DomainEvent event : transition.events()) {
            publisher.publish(Topics.ORDERS_ORDER, event, transition.state().version());
        }
    }

    private static SellerOrder partOf(Order order, List<ReturnPricing.Requested> lines) {
        List<SellerOrder> parts = order.sellerOrders().stream()
                .filter(p -> lines.stream().anyMatch(l -> p.items().stream().anyMatch(i -> i.sku().equals(l.sku()))))
                .toList();
        if (parts.isEmpty()) {
            throw new InvalidRequestException("lines", "none of these SKUs is in the order");
        }
        if (parts.size() > 1) {
            throw new UnprocessableException("return-spans-stores", "One return per store",
                    "These lines come from " + parts.size() + " stores; ask for one return per store.");
        }
        return parts.getFirst();
    }
}
