package io.haat.seller.reservation;

import java.util.Comparator;
import java.util.UUID;

/** Units of one SKU of one store held for an order. */
public record ReservationLine(UUID storeId, String sku, int quantity, LineState state) {

    /**
     * The one order in which every transaction touches stock rows (store id as PostgreSQL orders uuids,
     * i.e. by their text form, then SKU): transactions that lock rows in the same order cannot deadlock.
     */
    public static final Comparator<ReservationLine> LOCK_ORDER =
            Comparator.comparing((ReservationLine l) -> l.storeId().toString()).thenComparing(ReservationLine::sku);

    public ReservationLine withState(LineState next) {
        return new ReservationLine(storeId, sku, quantity, next);
    }
}
