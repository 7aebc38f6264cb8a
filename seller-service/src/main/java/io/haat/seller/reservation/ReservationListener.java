package io.haat.seller.reservation;

/** Told when a reservation expires, in the expiring transaction (e.g. to close the orders it held stock for). */
public interface ReservationListener {

    void expired(String orderId);
}
