package io.haat.order.dispute;

import io.haat.events.DomainEvent;
import io.haat.events.Money;
import io.haat.events.orders.DisputeChanged;
import io.haat.events.orders.RefundRequested;
import io.haat.events.payment.RefundReason;
import io.haat.events.payment.SellerOrderRefund;
import io.haat.platform.domain.IllegalTransition;
import io.haat.platform.domain.Transition;
import io.haat.platform.web.InvalidRequestException;
import io.haat.platform.web.UnprocessableException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A customer's dispute about one store's part of an order (or one of its returns), which an admin resolves. Every
 * step raises a {@link DisputeChanged}.
 *
 * <pre>
 * from \ on   postMessage            resolve
 * OPEN        OPEN (MESSAGE event)   RESOLVED (+ RefundRequested dispute:&lt;id&gt; unless REJECTED or nothing to refund)
 * RESOLVED    illegal                unchanged
 * </pre>
 *
 * Resolving refunds FULL_REFUND: all of {@code refundable}; PARTIAL_REFUND: {@code amount}, more than zero and at most
 * {@code refundable} (else 422 {@code refund-exceeds-paid}); REJECTED: nothing.
 *
 * @param refund   what the resolution gave back (null while OPEN)
 * @param refunded what payment-service reported refunded for it
 */
public record Dispute(UUID id, UUID orderId, UUID returnId, UUID sellerOrderId, String storeId, String sellerId,
                      UUID customerId, Status status, String reason, DisputeChanged.Outcome outcome, Money refund,
                      Money refunded, List<String> refundIds, String resolutionNote, String resolvedBy,
                      Instant openedAt, Instant resolvedAt, Instant updatedAt, long version) {

    public enum Status { OPEN, RESOLVED }

    private static final String AGGREGATE = "dispute";

    public Dispute {
        refundIds = List.copyOf(refundIds);
    }

    public static Transition<Dispute> open(UUID id, UUID orderId, UUID returnId, UUID sellerOrderId, String storeId,
                                           String sellerId, UUID customerId, String reason, String currency,
                                           Instant at) {
        Dispute opened = new Dispute(id, orderId, returnId, sellerOrderId, storeId, sellerId, customerId, Status.OPEN,
                reason, null, null, Money.zero(currency), List.of(), null, null, at, null, at, 1);
        return Transition.to(opened, opened.changed(DisputeChanged.Kind.OPENED, customerId.toString(), at));
    }

    /** Someone of the dispute (customer, the store's seller, an admin) wrote a message. */
    public Transition<Dispute> postMessage(String by, Instant at) {
        require(status == Status.OPEN, "given a message");
        Dispute next = new Dispute(id, orderId, returnId, sellerOrderId, storeId, sellerId, customerId, status, reason,
                outcome, refund, refunded, refundIds, resolutionNote, resolvedBy, openedAt, resolvedAt, at,
                version + 1);
        return Transition.to(next, next.changed(DisputeChanged.Kind.MESSAGE, by, at));
    }

    /** An admin decides; {@code refundable} is what the seller order still holds of captured money. */
    public Transition<Dispute> resolve(DisputeChanged.Outcome decided, Money amount, String note, Money refundable,
                                       String admin, Instant at) {
        if (status == Status.RESOLVED) {
            return Transition.unchanged(this);
        }
        Money given = switch (decided) {
            case REJECTED -> Money.zero(refundable.currency());
            case FULL_REFUND -> refundable;
            case PARTIAL_REFUND -> {
                if (amount == null || amount.amountMinor() <= 0) {
                    throw new InvalidRequestException("amount", "a partial refund names an amount above zero");
                }
                if (!amount.currency().equals(refundable.currency())) {
                    throw new InvalidRequestException("amount", "must be in " + refundable.currency());
                }
                yield amount;
            }
        };
        if (given.amountMinor() > refundable.amountMinor()
                || decided == DisputeChanged.Outcome.FULL_REFUND && given.amountMinor() == 0) {
            throw new UnprocessableException("refund-exceeds-paid", "More than was paid",
                    "At most " + refundable.amountMinor() + " " + refundable.currency()
                            + " of this part of the order was paid and is not refunded or promised yet.")
                    .with("refundable", refundable);
        }
        Dispute next = new Dispute(id, orderId, returnId, sellerOrderId, storeId, sellerId, customerId,
                Status.RESOLVED, reason, decided, given, refunded, refundIds, note, admin, openedAt, at, at,
                version + 1);
        List<DomainEvent> events = new ArrayList<>();
        events.add(next.changed(DisputeChanged.Kind.RESOLVED, admin, at));
        if (given.amountMinor() > 0) {
            events.add(new RefundRequested(requestId(id), orderId.toString(), customerId.toString(), given,
                    List.of(new SellerOrderRefund(sellerOrderId.toString(), storeId, sellerId, given)),
                    RefundReason.DISPUTE, at));
        }
        return Transition.to(next, events);
    }

    /** payment-service refunded {@code amount} of this dispute's request; counted once per refund id. */
    public Transition<Dispute> recordRefund(String refundId, Money amount, Instant at) {
        if (refundIds.contains(refundId)) {
            return Transition.unchanged(this);
        }
        require(status == Status.RESOLVED, "refunded");
        List<String> ids = new ArrayList<>(refundIds);
        ids.add(refundId);
        return Transition.to(new Dispute(id, orderId, returnId, sellerOrderId, storeId, sellerId, customerId, status,
                reason, outcome, refund, refunded.plus(amount), ids, resolutionNote, resolvedBy, openedAt, resolvedAt,
                at, version + 1));
    }

    /** Whether the refund of its resolution was carried out in full. */
    public boolean refundDone() {
        return status == Status.RESOLVED && refunded.amountMinor() >= refund.amountMinor();
    }

    public static String requestId(UUID disputeId) {
        return "dispute:" + disputeId;
    }

    private DisputeChanged changed(DisputeChanged.Kind kind, String by, Instant at) {
        return new DisputeChanged(id.toString(), orderId.toString(), returnId == null ? null : returnId.toString(),
                sellerOrderId.toString(), storeId, customerId.toString(), kind, outcome, refund, by, at);
    }

    private void require(boolean allowed, String action) {
        if (!allowed) {
            throw new IllegalTransition(AGGREGATE, status, action);
        }
    }
}
