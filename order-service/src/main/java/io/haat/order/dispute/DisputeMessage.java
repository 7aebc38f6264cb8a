package io.haat.order.dispute;

import java.time.Instant;
import java.util.UUID;

/** One message of a dispute; {@code authorRole} is CUSTOMER, SELLER or ADMIN. */
public record DisputeMessage(UUID id, String authorId, String authorRole, String body, Instant at) {
}
