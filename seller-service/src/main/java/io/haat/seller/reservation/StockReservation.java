package io.haat.seller.reservation;

import java.time.Instant;
import java.util.List;

/** The stock held for one order, line by line; the state rules of the saga's stock half live here. */
public record StockReservation(String orderId, ReservationStatus status, Instant expiresAt,
                               List<ReservationLine> lines, long version) {

    /** Lines whose units are held for the order (to commit, release or expire). */
    public List<ReservationLine> held() {
        return lines.stream().filter(l -> l.state() == LineState.RESERVED).sorted(ReservationLine.LOCK_ORDER).toList();
    }

    /** Lines whose units were sold and can go back on the shelf if the sale is cancelled. */
    public List<ReservationLine> sold() {
        return lines.stream().filter(l -> l.state() == LineState.COMMITTED).sorted(ReservationLine.LOCK_ORDER).toList();
    }

    public boolean canCommit() {
        return status == ReservationStatus.RESERVED;
    }

    public boolean canExpire(Instant now) {
        return status == ReservationStatus.RESERVED && expiresAt != null && !expiresAt.isAfter(now);
    }
}
