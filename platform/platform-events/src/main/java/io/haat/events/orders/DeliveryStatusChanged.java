package io.haat.events.orders;

import io.haat.events.DomainEvent;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A delivery (one per shipped seller order) changed: created at shipment, assigned to an agent, or moved by the
 * agent. Carries what the customer's live timeline shows: where (optional), the refined delivery estimate, the
 * carrier and tracking number, and a note (a failure's reason, the recipient's name). notification-service streams
 * it to the customer and the store; the agent is addressed by {@code agentId} (a user id).
 */
public record DeliveryStatusChanged(String deliveryId, String orderId, String sellerOrderId, String storeId,
                                    String customerId, String agentId, DeliveryStatus status, String carrier,
                                    String trackingNumber, String trackingUrl, GeoPoint location,
                                    LocalDate estimatedFrom, LocalDate estimatedTo, String note, Instant at)
        implements DomainEvent {

    public DeliveryStatusChanged {
        if (deliveryId == null || orderId == null || sellerOrderId == null || status == null || at == null) {
            throw new IllegalArgumentException("deliveryId, orderId, sellerOrderId, status and at are required");
        }
    }

    @Override
    public String aggregateId() {
        return orderId;
    }
}
