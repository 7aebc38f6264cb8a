package io.haat.seller.orders;

import io.haat.events.Money;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * seller-service's copy of an order-service {@code SellerOrder} (DESIGN.md: one store's part of an order), kept
 * from {@code orders.order} events for the seller's analytics; order-service owns the real one.
 */
public record SellerOrderCopy(String orderId, UUID storeId, String sellerOrderId, String status, Money amount, int units,
                              Instant confirmedAt, Instant cancelledAt, Instant deliveredAt, long returnedMinor,
                              long refundedMinor) {

    /** Statuses after which nothing more happens to the store's part of the order. */
    public static final Set<String> CLOSED = Set.of("CANCELLED", "COMPLETED", "REFUNDED", "EXPIRED");

    public boolean isClosed() {
        return CLOSED.contains(status);
    }

    /**
     * What the store's sales figures count as given back for this part: the larger of what its returns
     * ({@code RETURNED}) and its refunds ({@code REFUNDED}) announced, so a return and the refund that follows it
     * are subtracted once, and a refund without a return (a dispute) is subtracted too.
     */
    public long givenBackMinor() {
        return Math.max(returnedMinor, refundedMinor);
    }

    public boolean wasConfirmed() {
        return confirmedAt != null;
    }
}
