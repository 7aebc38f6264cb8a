package io.haat.events.orders;

/** The states of a return request (JSON: the constant's name). */
public enum ReturnStatus {
    REQUESTED, APPROVED, REJECTED, RECEIVED, REFUNDED
}
