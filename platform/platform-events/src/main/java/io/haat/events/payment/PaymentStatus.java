package io.haat.events.payment;

/**
 * The states of one payment (one attempt at paying an order; JSON: the constant's name): PENDING with the
 * provider → CAPTURED or FAILED; cash on delivery PENDING → COD_ACCEPTED → CAPTURED when collected, or FAILED
 * when not; a captured payment → PARTIALLY_REFUNDED → REFUNDED.
 */
public enum PaymentStatus {
    PENDING, COD_ACCEPTED, CAPTURED, FAILED, PARTIALLY_REFUNDED, REFUNDED
}
