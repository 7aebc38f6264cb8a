package io.haat.payment.ledger;

/** What moved the money of a ledger transaction. */
public enum TransactionKind {
    /** A payment was captured: the customer's money split into seller earnings and commission. */
    CAPTURE,
    /** A seller order completed: its seller's pending earnings became available. */
    COMPLETION,
    /** Money was given back: the seller's share and the commission reversed in proportion. */
    REFUND
}
