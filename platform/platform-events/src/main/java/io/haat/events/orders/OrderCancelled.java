package io.haat.events.orders;

import io.haat.events.DomainEvent;
import io.haat.events.EventIds;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * An order was cancelled; any reservation is released. {@code reason} is the text shown on the timeline,
 * {@code reasonCode} what machines act on (OTHER for events written before codes existed). {@code refundDue}
 * says order-service knew of money captured for it: payment-service then refunds everything it captured and
 * has not refunded yet, and voids accepted cash on delivery. payment-service refunds a capture it holds for a
 * cancelled order whatever this flag says (a capture may arrive after the cancellation).
 */
public record OrderCancelled(@NotBlank @Pattern(regexp = EventIds.ID) String orderId, String customerId, String reason, CancellationReason reasonCode,
                             Boolean refundDue) implements DomainEvent {

    // fields added later are objects, not primitives: Jackson 3 refuses to read a missing primitive
    public OrderCancelled {
        reasonCode = reasonCode == null ? CancellationReason.OTHER : reasonCode;
        refundDue = Boolean.TRUE.equals(refundDue);
    }

    @Override
    public String aggregateId() {
        return orderId;
    }
}
