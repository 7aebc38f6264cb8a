package io.haat.seller.reservation;

/**
 * RESERVED until the order is confirmed (COMMITTED), cancelled (RELEASED) or not confirmed in time
 * (EXPIRED); REJECTED if some line could not be met (nothing was reserved).
 */
public enum ReservationStatus {
    RESERVED, REJECTED, COMMITTED, RELEASED, EXPIRED
}
