package io.haat.events.orders;

/**
 * The states of one store's part of an order (DESIGN's {@code SellerOrder}), as {@link SellerOrderStatusChanged}
 * carries them (JSON: the constant's name): CONFIRMED → PROCESSING → SHIPPED → OUT_FOR_DELIVERY → DELIVERED →
 * COMPLETED, CANCELLED before shipping, and the return path RETURN_REQUESTED → RETURN_APPROVED | RETURN_REJECTED →
 * RETURNED → REFUNDED.
 */
public enum SellerOrderStatus {
    CONFIRMED, PROCESSING, SHIPPED, OUT_FOR_DELIVERY, DELIVERED, COMPLETED, CANCELLED,
    RETURN_REQUESTED, RETURN_APPROVED, RETURN_REJECTED, RETURNED, REFUNDED
}
