package io.haat.seller.inventory;

import java.time.Instant;

/** One entry of an item's history: who changed what, by how much, why and when. */
public record MovementResponse(long id, MovementKind kind, int quantityDelta, int reservedDelta, int quantityAfter,
                               int reservedAfter, String reason, String actor, String orderId, Instant at) {
}
