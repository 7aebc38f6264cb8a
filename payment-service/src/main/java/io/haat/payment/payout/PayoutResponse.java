package io.haat.payment.payout;

import io.haat.events.Money;
import java.time.Instant;
import java.util.UUID;

/** A payout as its seller and the admins see it. */
public record PayoutResponse(UUID id, String sellerId, PayoutStatus status, Money amount, String reason,
                             String reference, Instant requestedAt, Instant approvedAt, Instant rejectedAt,
                             Instant paidAt, long version) {

    static PayoutResponse from(Payout p) {
        return new PayoutResponse(p.id(), p.sellerId(), p.status(), p.amount(), p.reason(), p.reference(),
                p.requestedAt(), p.approvedAt(), p.rejectedAt(), p.paidAt(), p.version());
    }
}
