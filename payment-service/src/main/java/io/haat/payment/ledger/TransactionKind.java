package io.haat.payment.ledger;

/** What moved the money of a ledger transaction. */
public enum TransactionKind {
    /** A payment was captured: the customer's money split into seller earnings and commission. */
    CAPTURE,
    /** A seller order completed: its seller's pending earnings became available. */
    COMPLETION,
    /** Money was given back: the seller's share and the commission reversed in proportion. */
    REFUND,
    /** A seller asked for a payout: the amount left their available balance for payouts in transit. */
    PAYOUT_REQUESTED,
    /** An admin rejected a payout: the amount went back to the seller's available balance. */
    PAYOUT_REJECTED,
    /** An admin marked a payout paid: the amount left the platform. */
    PAYOUT_PAID;

    /** Whether the transaction moves a payout, which belongs to no order. */
    public boolean payout() {
        return this == PAYOUT_REQUESTED || this == PAYOUT_REJECTED || this == PAYOUT_PAID;
    }
}
