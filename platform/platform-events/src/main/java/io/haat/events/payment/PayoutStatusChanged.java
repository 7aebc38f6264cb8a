package io.haat.events.payment;

import io.haat.events.DomainEvent;
import io.haat.events.Money;
import java.time.Instant;

/**
 * A seller's payout request was made, approved, rejected or paid (topic {@code payment.payout}, keyed by payout id).
 * {@code status} is the payout's status name (REQUESTED, APPROVED, REJECTED, PAID); {@code note} an admin's reason
 * or the transfer reference. notification-service tells the seller ("payout paid").
 */
public record PayoutStatusChanged(String payoutId, String sellerId, String userId, Money amount, String status,
                                  String note, Instant at) implements DomainEvent {

    public PayoutStatusChanged {
        Checks.requireText(payoutId, "payoutId");
        Checks.requireText(sellerId, "sellerId");
        Checks.requirePositive(amount, "amount");
        Checks.requireText(status, "status");
        Checks.requireTime(at, "at");
    }

    @Override
    public String aggregateId() {
        return payoutId;
    }
}
