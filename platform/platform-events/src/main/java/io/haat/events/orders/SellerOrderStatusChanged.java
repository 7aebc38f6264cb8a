package io.haat.events.orders;

import io.haat.events.DomainEvent;
import io.haat.events.Money;
import java.time.Instant;

/**
 * One store's part of an order (a seller order) moved to {@code status} (PROCESSING, SHIPPED, DELIVERED,
 * COMPLETED, CANCELLED, RETURNED, REFUNDED...). {@code amount} is the seller order's total, or for RETURNED
 * and REFUNDED the amount given back. seller-service tracks open orders per store and seller analytics from it.
 */
public record SellerOrderStatusChanged(String sellerOrderId, String orderId, String storeId, SellerOrderStatus status,
                                       Money amount, Instant at) implements DomainEvent {
    @Override
    public String aggregateId() {
        return orderId;
    }
}
