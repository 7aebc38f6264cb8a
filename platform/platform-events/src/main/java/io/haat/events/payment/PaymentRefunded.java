package io.haat.events.payment;

import io.haat.events.DomainEvent;
import io.haat.events.Money;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;

/**
 * Money of a captured payment was given back through its provider (cash on delivery: recorded as a manual
 * refund). {@code sellerOrders} splits {@code amount} over the seller orders it comes from, to the minor unit;
 * {@code paymentStatus} is the payment's state after it (PARTIALLY_REFUNDED or REFUNDED).
 *
 * <p>{@code customerCredit} (added later; zero when absent) is the part of the refund that no seller order
 * received: money captured beyond the order's total (an overpayment, held as customer credit) given back. Then
 * {@code sellerOrders} add up to {@code amount - customerCredit}, and may be empty when the whole refund is
 * credit.
 *
 * <p>{@code requestId} (added by order-service part 2; null otherwise) names the {@code RefundRequested} this refund
 * carries out (a return or a dispute); one request may take several refunds (one per captured payment).
 */
public record PaymentRefunded(String refundId, String paymentId, String orderId, PaymentProvider provider,
                              Money amount, List<SellerOrderRefund> sellerOrders, RefundReason reason,
                              PaymentStatus paymentStatus, Instant refundedAt, Money customerCredit,
                              String requestId)
        implements DomainEvent {

    /** The record's shape before {@code requestId} (order-service part 2). */
    public PaymentRefunded(String refundId, String paymentId, String orderId, PaymentProvider provider, Money amount,
                           List<SellerOrderRefund> sellerOrders, RefundReason reason, PaymentStatus paymentStatus,
                           Instant refundedAt, Money customerCredit) {
        this(refundId, paymentId, orderId, provider, amount, sellerOrders, reason, paymentStatus, refundedAt,
                customerCredit, null);
    }

    /** A refund taken from seller orders only (the record's shape before {@code customerCredit}). */
    public PaymentRefunded(String refundId, String paymentId, String orderId, PaymentProvider provider, Money amount,
                           List<SellerOrderRefund> sellerOrders, RefundReason reason, PaymentStatus paymentStatus,
                           Instant refundedAt) {
        this(refundId, paymentId, orderId, provider, amount, sellerOrders, reason, paymentStatus, refundedAt, null,
                null);
    }

    public PaymentRefunded {
        Checks.requireText(refundId, "refundId");
        Checks.requireIds(paymentId, orderId, provider, 1);
        Checks.requirePositive(amount, "amount");
        sellerOrders = sellerOrders == null ? null : List.copyOf(sellerOrders);
        customerCredit = customerCredit == null ? Money.zero(amount.currency()) : customerCredit;
        if (customerCredit.belowZero() || customerCredit.amountMinor() > amount.amountMinor()) {
            throw new IllegalArgumentException("customerCredit must lie between zero and the refund's amount");
        }
        requireSplit(amount.minus(customerCredit), sellerOrders);
        if (reason == null) {
            throw new IllegalArgumentException("reason is required");
        }
        if (paymentStatus != PaymentStatus.PARTIALLY_REFUNDED && paymentStatus != PaymentStatus.REFUNDED) {
            throw new IllegalArgumentException("a refunded payment is PARTIALLY_REFUNDED or REFUNDED, not "
                    + paymentStatus);
        }
        Checks.requireTime(refundedAt, "refundedAt");
    }

    @Override
    public String aggregateId() {
        return paymentId;
    }

    private static void requireSplit(Money amount, List<SellerOrderRefund> parts) {
        if (parts == null || parts.isEmpty() && amount.amountMinor() > 0) {
            throw new IllegalArgumentException("a refund is split over at least one seller order");
        }
        Money sum = Money.zero(amount.currency());
        var seen = new HashSet<String>();
        for (SellerOrderRefund part : parts) {
            if (part == null || !seen.add(part.sellerOrderId())) {
                throw new IllegalArgumentException("each seller order appears once in a refund's split");
            }
            sum = sum.plus(part.amount());
        }
        if (!sum.equals(amount)) {
            throw new IllegalArgumentException("refund split adds up to " + sum.amountMinor() + " " + sum.currency()
                    + ", not the refund's " + amount.amountMinor() + " " + amount.currency());
        }
    }
}
