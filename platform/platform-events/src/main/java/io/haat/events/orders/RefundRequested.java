package io.haat.events.orders;

import io.haat.events.DomainEvent;
import io.haat.events.Money;
import io.haat.events.payment.RefundReason;
import io.haat.events.payment.SellerOrderRefund;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;

/**
 * order-service asks payment-service to give {@code amount} of an order's captured money back (a received return,
 * a dispute resolved for the customer), taken from the seller orders in {@code sellerOrders} (they add up to
 * {@code amount}). order-service checked it is no more than what was captured and not refunded for those seller
 * orders. payment-service carries it out once per {@code requestId} ({@code return:<returnId>},
 * {@code dispute:<disputeId>}), over as many captured payments as it takes, and names the request in each
 * {@code PaymentRefunded.requestId}.
 */
public record RefundRequested(String requestId, String orderId, String customerId, Money amount,
                              List<SellerOrderRefund> sellerOrders, RefundReason reason, Instant at)
        implements DomainEvent {

    public RefundRequested {
        if (requestId == null || requestId.isBlank() || orderId == null || reason == null || at == null) {
            throw new IllegalArgumentException("requestId, orderId, reason and at are required");
        }
        if (amount == null || amount.amountMinor() <= 0) {
            throw new IllegalArgumentException("amount must be positive, not " + amount);
        }
        sellerOrders = sellerOrders == null ? List.of() : List.copyOf(sellerOrders);
        Money sum = Money.zero(amount.currency());
        var seen = new HashSet<String>();
        for (SellerOrderRefund part : sellerOrders) {
            if (!seen.add(part.sellerOrderId())) {
                throw new IllegalArgumentException("each seller order appears once in a refund request");
            }
            sum = sum.plus(part.amount());
        }
        if (!sum.equals(amount)) {
            throw new IllegalArgumentException("refund request split adds up to " + sum + ", not " + amount);
        }
    }

    @Override
    public String aggregateId() {
        return orderId;
    }
}
