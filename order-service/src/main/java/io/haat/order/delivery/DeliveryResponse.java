package io.haat.order.delivery;

import io.haat.events.Money;
import io.haat.events.orders.DeliveryStatus;
import io.haat.order.pricing.DeliveryAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A delivery as its agent (and admins) see it: where to pick it up (the store), where to drop it off (the customer's
 * address from the order), the cash to collect, the estimate and every step.
 */
public record DeliveryResponse(UUID id, UUID orderId, UUID sellerOrderId, DeliveryStatus status, String agentId,
                               Pickup pickup, DeliveryAddress dropOff, Money cashDue, String carrier,
                               String trackingNumber, String trackingUrl, LocalDate estimatedFrom,
                               LocalDate estimatedTo, int attempts, List<Delivery.Step> steps, Instant createdAt) {

    /** The store the parcel leaves from. */
    public record Pickup(String storeId, String storeName) {
    }

    static DeliveryResponse of(Delivery delivery, String storeName) {
        return new DeliveryResponse(delivery.id(), delivery.orderId(), delivery.sellerOrderId(), delivery.status(),
                delivery.agentId(), new Pickup(delivery.storeId(), storeName), delivery.dropOff(),
                delivery.cashDue(), delivery.carrier(), delivery.trackingNumber(), delivery.trackingUrl(),
                delivery.estimatedFrom(), delivery.estimatedTo(), delivery.attempts(), delivery.steps(),
                delivery.createdAt());
    }
}
