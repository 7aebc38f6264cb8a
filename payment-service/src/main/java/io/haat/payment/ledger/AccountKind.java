package io.haat.payment.ledger;

/** The ledger's accounts. Platform accounts exist once per currency; seller accounts once per seller and currency. */
public enum AccountKind {
    /** Money customers paid through a provider (debited by every capture). */
    CUSTOMER_CLEARING(false),
    /** Captured money beyond an order's total, owed back to the customer until refunded. */
    CUSTOMER_CREDIT(false),
    /** Money given back to customers (credited by every refund). */
    REFUNDS(false),
    /** The platform's commission on sales (credit = earned). */
    COMMISSION_REVENUE(false),
    /** Discounts the platform funds: its cost, not the seller's (debit = spent). */
    PLATFORM_DISCOUNTS(false),
    /** A seller's earnings of seller orders not yet completed (credit = owed to the seller). */
    SELLER_PENDING(true),
    /** A seller's earnings of completed seller orders, free to be paid out (credit = owed to the seller). */
    SELLER_AVAILABLE(true),
    /** Payouts requested from sellers' available balances and not yet paid or rejected (credit = owed out). */
    PAYOUTS_IN_TRANSIT(false),
    /** Payouts that left the platform (credit = paid out to sellers, as refunds are to customers). */
    PAYOUTS_PAID(false);

    private final boolean perSeller;

    AccountKind(boolean perSeller) {
        this.perSeller = perSeller;
    }

    public boolean perSeller() {
        return perSeller;
    }
}
