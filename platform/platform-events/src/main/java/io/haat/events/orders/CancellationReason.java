package io.haat.events.orders;

/** Why an order was cancelled, as {@link OrderCancelled} carries it (JSON: the constant's name). */
public enum CancellationReason {
    /** seller-service could not reserve every line ({@code StockRejected}). */
    STOCK_REJECTED,
    /** seller-service released the reservation before the order was paid ({@code StockReservationExpired}). */
    RESERVATION_EXPIRED,
    /** Not paid (nor cash on delivery accepted) before the order's payment deadline. */
    PAYMENT_DEADLINE_PASSED,
    /** The customer cancelled before shipment. */
    CUSTOMER_CANCELLED,
    /** Every seller order was cancelled by its seller. */
    SELLER_CANCELLED,
    /** An admin cancelled it. */
    ADMIN_CANCELLED,
    /** Anything else, and every cancellation written before reasons had codes. */
    OTHER
}
