package io.haat.payment.payout;

/** REQUESTED → APPROVED → PAID; REQUESTED or APPROVED → REJECTED. Open: REQUESTED or APPROVED. */
public enum PayoutStatus {
    REQUESTED, APPROVED, REJECTED, PAID
}
