package io.haat.payment.ledger;

/**
 * What the ledger holds for one seller order, summed from its entries (all amounts in minor units of its
 * currency, positive): captured and refunded customer money, the commission charged on captures and reversed by
 * refunds, the platform-funded discount paid on captures and taken back by refunds, the seller's earnings still
 * pending from it, and whether it has completed.
 */
public record SellerOrderPosition(long captured, long refunded, long commissionCharged, long commissionReversed,
                                  long discountFunded, long discountReversed, long pending, boolean completed) {

    /** A seller order the ledger has not seen. */
    public static final SellerOrderPosition NONE = new SellerOrderPosition(0, 0, 0, 0, 0, 0, 0, false);

    /** The customer money captured for it and not refunded. */
    public long netCaptured() {
        return captured - refunded;
    }
}
