package io.haat.events.payment;

import io.haat.events.DomainEvent;
import java.time.Instant;

/**
 * A payment failed for good (its attempt is over; the customer may try again with a new payment until the
 * order's payment deadline). {@code reasonCode} is what machines act on, {@code reason} the provider's or our
 * message for people.
 */
public record PaymentFailed(String paymentId, String orderId, PaymentProvider provider, int attempt,
                            PaymentFailureReason reasonCode, String reason, Instant failedAt)
        implements DomainEvent {

    public PaymentFailed {
        Checks.requireIds(paymentId, orderId, provider, attempt);
        if (reasonCode == null) {
            throw new IllegalArgumentException("reasonCode is required");
        }
        Checks.requireTime(failedAt, "failedAt");
    }

    @Override
    public String aggregateId() {
        return paymentId;
    }
}
