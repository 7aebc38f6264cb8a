package io.haat.events.orders;

/**
 * The states of one seller order's delivery (JSON: the constant's name). A parcel the store ships with a carrier of
 * its own is WITH_CARRIER; one the marketplace delivers waits for an agent (AWAITING_AGENT), is ASSIGNED, then
 * PICKED_UP → OUT_FOR_DELIVERY → DELIVERED, or FAILED (re-attempt: back to ASSIGNED / OUT_FOR_DELIVERY, or
 * RETURNED_TO_SELLER).
 */
public enum DeliveryStatus {
    WITH_CARRIER, AWAITING_AGENT, ASSIGNED, PICKED_UP, OUT_FOR_DELIVERY, DELIVERED, FAILED, RETURNED_TO_SELLER
}
