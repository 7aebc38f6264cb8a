package io.haat.events.orders;

import io.haat.events.DomainEvent;
import io.haat.events.EventIds;
import io.haat.events.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/**
 * One store's part of an order (a seller order) moved to {@code status} (PROCESSING, SHIPPED, DELIVERED,
 * COMPLETED, CANCELLED, RETURNED, REFUNDED...). {@code amount} is the seller order's total, or for RETURNED
 * and REFUNDED the amount given back. seller-service tracks open orders per store and seller analytics from it.
 *
 * <p>Added by order-service part 2 (null in events written before): {@code customerId} and {@code sellerId} (so
 * notification-service can address both sides without a copy of the order), and {@code note} (the reason of a
 * cancellation, the carrier and tracking number of a shipment — text for people, not for machines).
 */
public record SellerOrderStatusChanged(@NotBlank @Pattern(regexp = EventIds.ID) String sellerOrderId,
                                       @NotBlank @Pattern(regexp = EventIds.ID) String orderId,
                                       @NotBlank @Pattern(regexp = EventIds.ID) String storeId,
                                       @NotNull SellerOrderStatus status, @Valid Money amount, @NotNull Instant at, String customerId, String sellerId, String note)
        implements DomainEvent {

    /** The record's shape before order-service part 2. */
    public SellerOrderStatusChanged(String sellerOrderId, String orderId, String storeId, SellerOrderStatus status,
                                    Money amount, Instant at) {
        this(sellerOrderId, orderId, storeId, status, amount, at, null, null, null);
    }

    @Override
    public String aggregateId() {
        return orderId;
    }
}
