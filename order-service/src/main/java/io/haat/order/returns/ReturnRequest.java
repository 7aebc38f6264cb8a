package io.haat.order.returns;

import io.haat.events.DomainEvent;
import io.haat.events.Money;
import io.haat.events.inventory.StockLine;
import io.haat.events.orders.RefundRequested;
import io.haat.events.orders.ReturnStatus;
import io.haat.events.orders.ReturnStatusChanged;
import io.haat.events.payment.RefundReason;
import io.haat.events.payment.SellerOrderRefund;
import io.haat.platform.domain.IllegalTransition;
import io.haat.platform.domain.Transition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A customer's request to send back units of one delivered seller order, and what came of it. It alone decides its
 * status; every change raises a {@link ReturnStatusChanged}.
 *
 * <pre>
 * from \ on   approve (store, or autoApprove ≥ approveBy)  reject     receive                        recordRefund
 * REQUESTED   APPROVED                                     REJECTED   illegal                        illegal
 * APPROVED    unchanged                                    illegal    RECEIVED (+ RefundRequested)   illegal
 * REJECTED    illegal                                      unchanged  illegal                        illegal
 * RECEIVED    illegal                                      illegal    unchanged                      counted; REFUNDED once they add up
 * REFUNDED    illegal                                      illegal    unchanged                      unchanged
 * </pre>
 *
 * {@code receive} is given what may actually be refunded (the request's worth, capped by what the seller order holds
 * of captured money not yet refunded or promised); when that is nothing the return is REFUNDED at once, with no
 * request to payment-service. A refund already counted (same refund id) is unchanged.
 *
 * @param refund    what the customer gets back: the lines and shipping as priced at the request, then, from RECEIVED
 *                  on, what was actually asked of payment-service
 * @param approveBy when the store's silence approves it
 * @param refunded  what payment-service reported refunded for it so far
 */
public record ReturnRequest(UUID id, UUID orderId, UUID sellerOrderId, String storeId, String sellerId,
                            UUID customerId, ReturnStatus status, ReturnReason reason, String comment,
                            List<ReturnLine> lines, Money shipping, Money refund, String rejection, Instant approveBy,
                            int photos, Money refunded, List<String> refundIds, Instant requestedAt,
                            Instant updatedAt, long version) {

    private static final String AGGREGATE = "return";

    public ReturnRequest {
        lines = List.copyOf(lines);
        refundIds = List.copyOf(refundIds);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a return has at least one line");
        }
    }

    /** A new request for {@code pricing}'s lines, approved by itself at {@code approveBy} unless the store acts. */
    public static Transition<ReturnRequest> request(UUID id, UUID orderId, UUID sellerOrderId, String storeId,
                                                    String sellerId, UUID customerId, ReturnReason reason,
                                                    String comment, ReturnPricing pricing, int photos,
                                                    Instant approveBy, Instant at) {
        Money refund = pricing.refund();
        ReturnRequest created = new ReturnRequest(id, orderId, sellerOrderId, storeId, sellerId, customerId,
                ReturnStatus.REQUESTED, reason, comment, pricing.lines(), pricing.shipping(), refund, null, approveBy,
                photos, Money.zero(refund.currency()), List.of(), at, at, 1);
        return Transition.to(created, created.changed(reason + (comment == null ? "" : ": " + comment), at));
    }

    public boolean open() {
        return status == ReturnStatus.REQUESTED || status == ReturnStatus.APPROVED || status == ReturnStatus.RECEIVED;
    }

    public Transition<ReturnRequest> approve(Instant at) {
        if (status == ReturnStatus.APPROVED) {
            return Transition.unchanged(this);
        }
        require(status == ReturnStatus.REQUESTED, "approved");
        ReturnRequest next = with(ReturnStatus.APPROVED, refund, null, refunded, refundIds, at);
        return Transition.to(next, next.changed(null, at));
    }

    /** The store did not decide by {@code approveBy}: approved as if it had. */
    public Transition<ReturnRequest> autoApprove(Instant now) {
        if (status == ReturnStatus.APPROVED) {
            return Transition.unchanged(this);
        }
        require(status == ReturnStatus.REQUESTED, "approved automatically");
        require(!now.isBefore(approveBy), "approved automatically before " + approveBy);
        ReturnRequest next = with(ReturnStatus.APPROVED, refund, null, refunded, refundIds, now);
        return Transition.to(next, next.changed("approved automatically: the store did not answer in time", now));
    }

    public Transition<ReturnRequest> reject(String reason, Instant at) {
        if (status == ReturnStatus.REJECTED) {
            return Transition.unchanged(this);
        }
        require(status == ReturnStatus.REQUESTED, "rejected");
        ReturnRequest next = with(ReturnStatus.REJECTED, refund, reason, refunded, refundIds, at);
        return Transition.to(next, next.changed(reason, at));
    }

    /**
     * The store has the units back: seller-service restocks them ({@link ReturnStatusChanged} RECEIVED with the lines)
     * and payment-service refunds {@code refundable} ({@link RefundRequested} {@code return:<id>}); nothing refundable
     * ends the return at once.
     */
    public Transition<ReturnRequest> receive(Money refundable, Instant at) {
        if (status == ReturnStatus.RECEIVED || status == ReturnStatus.REFUNDED) {
            return Transition.unchanged(this);
        }
        require(status == ReturnStatus.APPROVED, "received");
        if (refundable.belowZero() || refundable.amountMinor() > refund.amountMinor()) {
            throw new IllegalArgumentException("refundable must lie between zero and " + refund);
        }
        List<DomainEvent> events = new ArrayList<>();
        ReturnRequest received = with(ReturnStatus.RECEIVED, refundable, null, refunded, refundIds, at);
        events.add(received.changed(null, at));
        if (refundable.amountMinor() == 0) {
            ReturnRequest done = received.with(ReturnStatus.REFUNDED, refundable, null, refunded, refundIds, at);
            events.add(done.changed("nothing left to refund for this store's part of the order", at));
            return Transition.to(done, events);
        }
        events.add(new RefundRequested(requestId(id), orderId.toString(), customerId.toString(), refundable,
                List.of(new SellerOrderRefund(sellerOrderId.toString(), storeId, sellerId, refundable)),
                RefundReason.RETURN, at));
        return Transition.to(received, events);
    }

    /** payment-service refunded {@code amount} of this return's request (refund id {@code refundId}). */
    public Transition<ReturnRequest> recordRefund(String refundId, Money amount, Instant at) {
        if (status == ReturnStatus.REFUNDED || refundIds.contains(refundId)) {
            return Transition.unchanged(this);
        }
        require(status == ReturnStatus.RECEIVED, "refunded");
        List<String> ids = new ArrayList<>(refundIds);
        ids.add(refundId);
        Money sum = refunded.plus(amount);
        if (sum.amountMinor() < refund.amountMinor()) {
            return Transition.to(with(ReturnStatus.RECEIVED, refund, null, sum, ids, at));
        }
        ReturnRequest done = with(ReturnStatus.REFUNDED, refund, null, sum, ids, at);
        return Transition.to(done, done.changed(null, at));
    }

    /** The id of the {@link RefundRequested} of a return, as payment-service names it back. */
    public static String requestId(UUID returnId) {
        return "return:" + returnId;
    }

    public List<StockLine> stockLines() {
        return lines.stream().map(line -> new StockLine(storeId, line.sku(), line.quantity())).toList();
    }

    private ReturnStatusChanged changed(String note, Instant at) {
        return new ReturnStatusChanged(id.toString(), orderId.toString(), sellerOrderId.toString(), storeId,
                customerId.toString(), status, stockLines(), refund, note, at);
    }

    private ReturnRequest with(ReturnStatus next, Money nextRefund, String nextRejection, Money nextRefunded,
                               List<String> nextRefundIds, Instant at) {
        return new ReturnRequest(id, orderId, sellerOrderId, storeId, sellerId, customerId, next, reason, comment,
                lines, shipping, nextRefund, nextRejection == null ? rejection : nextRejection, approveBy, photos,
                nextRefunded, nextRefundIds, requestedAt, at, version + 1);
    }

    private void require(boolean allowed, String action) {
        if (!allowed) {
            throw new IllegalTransition(AGGREGATE, status, action);
        }
    }
}
