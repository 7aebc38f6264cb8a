package io.haat.order.order;

import io.haat.events.orders.SellerOrderStatus;

/**
 * The status of one store's part of an order as order-service keeps it: the contract's {@link SellerOrderStatus}
 * and, before the whole order is confirmed, PENDING (the store does not see it yet).
 */
public enum SellerOrderState {
    PENDING, CONFIRMED, PROCESSING, SHIPPED, OUT_FOR_DELIVERY, DELIVERED, COMPLETED, CANCELLED,
    RETURN_REQUESTED, RETURN_APPROVED, RETURN_REJECTED, RETURNED, REFUNDED;

    /** The contract's status; PENDING is never published. */
    public SellerOrderStatus toContract() {
        return switch (this) {
            case PENDING -> throw new IllegalStateException("a PENDING seller order is not published");
            case CONFIRMED -> SellerOrderStatus.CONFIRMED;
            case PROCESSING -> SellerOrderStatus.PROCESSING;
            case SHIPPED -> SellerOrderStatus.SHIPPED;
            case OUT_FOR_DELIVERY -> SellerOrderStatus.OUT_FOR_DELIVERY;
            case DELIVERED -> SellerOrderStatus.DELIVERED;
            case COMPLETED -> SellerOrderStatus.COMPLETED;
            case CANCELLED -> SellerOrderStatus.CANCELLED;
            case RETURN_REQUESTED -> SellerOrderStatus.RETURN_REQUESTED;
            case RETURN_APPROVED -> SellerOrderStatus.RETURN_APPROVED;
            case RETURN_REJECTED -> SellerOrderStatus.RETURN_REJECTED;
            case RETURNED -> SellerOrderStatus.RETURNED;
            case REFUNDED -> SellerOrderStatus.REFUNDED;
        };
    }

    /** Whether the parcel has not left the store yet, so the customer may still cancel. */
    public boolean beforeShipment() {
        return this == PENDING || this == CONFIRMED || this == PROCESSING;
    }
}
