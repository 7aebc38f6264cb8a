package io.haat.order.dispute;

import io.haat.events.Money;
import io.haat.events.orders.DisputeChanged;
import java.time.Instant;
import java.util.UUID;

/** A dispute as its parties and admins see it. */
public record DisputeResponse(UUID id, UUID orderId, UUID returnId, UUID sellerOrderId, String storeId,
                              UUID customerId, Dispute.Status status, String reason, DisputeChanged.Outcome outcome,
                              Money refund, Money refunded, String resolutionNote, Instant openedAt,
                              Instant resolvedAt, Instant updatedAt) {

    public static DisputeResponse from(Dispute d) {
        return new DisputeResponse(d.id(), d.orderId(), d.returnId(), d.sellerOrderId(), d.storeId(), d.customerId(),
                d.status(), d.reason(), d.outcome(), d.refund(), d.refunded(), d.resolutionNote(), d.openedAt(),
                d.resolvedAt(), d.updatedAt());
    }
}
