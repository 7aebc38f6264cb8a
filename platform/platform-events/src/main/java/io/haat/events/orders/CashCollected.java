package io.haat.events.orders;

import io.haat.events.DomainEvent;
import io.haat.events.Money;
import java.time.Instant;

/**
 * A delivery agent handed over a cash-on-delivery parcel and collected {@code amount} in cash for that seller order
 * (order-service checked it equals the cash due for it). payment-service captures that part of the order's
 * cash-on-delivery payment once per {@code deliveryId}; the order's COD payment is CAPTURED when every seller order's
 * cash was collected.
 */
public record CashCollected(String deliveryId, String orderId, String sellerOrderId, String storeId, String agentId,
                            Money amount, Instant collectedAt) implements DomainEvent {

    public CashCollected {
        if (deliveryId == null || orderId == null || sellerOrderId == null || amount == null
                || amount.amountMinor() <= 0 || collectedAt == null) {
            throw new IllegalArgumentException(
                    "deliveryId, orderId, sellerOrderId, a positive amount and collectedAt are required");
        }
    }

    @Override
    public String aggregateId() {
        return orderId;
    }
}
