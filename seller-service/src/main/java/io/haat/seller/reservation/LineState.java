package io.haat.seller.reservation;

/** Where the units of one reservation line are: held, sold, given back, or put back on the shelf after a sale was cancelled. */
public enum LineState {
    RESERVED, COMMITTED, RELEASED, RESTOCKED
}
