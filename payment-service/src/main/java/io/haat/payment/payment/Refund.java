package io.haat.payment.payment;

import io.haat.events.Money;
import io.haat.events.payment.RefundReason;
import java.time.Instant;
import java.util.UUID;

/**
 * A refund of (part of) a captured payment: REQUESTED (recorded, the provider not yet asked or to be asked
 * again), then REFUNDED (by the provider), MANUAL (recorded; the provider has no refund call, e.g. cash on
 * delivery, eSewa) or REFUSED (the provider said no).
 *
 * @param id the refund id of {@code PaymentRefunded}: a UUID for an admin's refund, {@code cancel:…},
 *           {@code late:…}, {@code over:…}, {@code seller-order-cancel:…} for automatic ones
 * @param sellerOrderId the seller order the refund is taken from alone (a seller order's cancellation); null: split
 *                      over the order ({@link RefundSplit})
 * @param requestId the {@code RefundRequested} this refund carries out (a return or a dispute); null otherwise
 */
public record Refund(String id, UUID paymentId, String orderId, Money amount, RefundReason reason,
                     String sellerOrderId, String note,
                     Status status, String providerRefundId, String failure, Instant createdAt, Instant completedAt,
                     String requestId) {

    /**
     * REQUESTED: recorded, the provider not asked yet (or to be asked again); PENDING: the provider accepted it and
     * settles it later — held back like REQUESTED but not refunded yet (no event, no ledger posting); REFUNDED,
     * MANUAL: done; REFUSED: the provider said no at once; FAILED: the provider failed a pending refund later.
     */
    public enum Status {
        REQUESTED, PENDING, REFUNDED, MANUAL, REFUSED, FAILED
    }

    /** Still holding money back from further refunds: not done, not ended without money moving. */
    public boolean inFlight() {
        return status == Status.REQUESTED || status == Status.PENDING;
    }

    /** The idempotency key of the refund towards the provider, a UUID derived from the refund id. */
    public UUID providerKey() {
        return id.matches("[0-9a-fA-F-]{36}") ? UUID.fromString(id)
                : UUID.nameUUIDFromBytes(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public boolean done() {
        return status == Status.REFUNDED || status == Status.MANUAL;
    }
}
