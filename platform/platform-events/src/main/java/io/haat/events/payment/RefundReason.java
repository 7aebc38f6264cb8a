package io.haat.events.payment;

/** Why money was given back, as {@link PaymentRefunded} carries it (JSON: the constant's name). */
public enum RefundReason {
    /** The whole order was cancelled ({@code OrderCancelled}). */
    ORDER_CANCELLED,
    /** One store's part was cancelled ({@code SellerOrderStatusChanged} to CANCELLED). */
    SELLER_ORDER_CANCELLED,
    /** A capture that arrived when the order no longer took payments (e.g. cancelled for its deadline). */
    LATE_CAPTURE,
    /** Captures beyond the order's total (e.g. two payments racing for the same remainder). */
    OVERPAYMENT,
    /** A return was received (order-service part 2). */
    RETURN,
    /** A dispute was resolved for the customer (order-service part 2). */
    DISPUTE,
    /** An admin refunded it ({@code POST /admin/payments/{id}/refund}). */
    ADMIN
}
