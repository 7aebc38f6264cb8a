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
                              Instant confirmedAt, Instant cancelledAt, Instant deliveredAt) {

    /** Statuses after which nothing more happens to the store's part of the order. */
    public static final Set<String> CLOSED = Set.of("CANCELLED", "COMPLETED", "REFUNDED", "EXPIRED");

    public boolean isClosed() {
        return CLOSED.contains(status);
    }

    public boolean wasConfirmed() {
        return confirmedAt != null;
    }
}
