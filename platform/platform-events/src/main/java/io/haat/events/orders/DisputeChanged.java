package io.haat.events.orders;

import io.haat.events.DomainEvent;
import io.haat.events.Money;
import java.time.Instant;

/**
 * A dispute on an order (or on one of its returns) was opened, got a message, or was resolved. {@code by} is the
 * user who acted; {@code outcome} and {@code refund} are set when RESOLVED (the refund itself is a
 * {@link RefundRequested}). notification-service tells the customer, the store's seller and admins.
 */
public record DisputeChanged(String disputeId, String orderId, String returnId, String sellerOrderId,
                             String storeId, String customerId, Kind kind, Outcome outcome, Money refund, String by,
                             Instant at) implements DomainEvent {

    public enum Kind { OPENED, MESSAGE, RESOLVED }

    public enum Outcome { FULL_REFUND, PARTIAL_REFUND, REJECTED }

    public DisputeChanged {
        if (disputeId == null || orderId == null || kind == null || at == null) {
            throw new IllegalArgumentException("disputeId, orderId, kind and at are required");
        }
        if (kind == Kind.RESOLVED && outcome == null) {
            throw new IllegalArgumentException("a resolved dispute has an outcome");
        }
    }

    @Override
    public String aggregateId() {
        return orderId;
    }
}
