package io.haat.payment.payout;

import io.haat.events.Money;
import io.haat.platform.domain.IllegalTransition;
import io.haat.platform.domain.Transition;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A seller's request to be paid out of their available balance, and what the platform did with it. The money moves
 * in the ledger (the service posts it): out of available on request, back on rejection, out of the platform when
 * paid. Transitions (the service publishes {@code PayoutStatusChanged} for each change, adding the seller's user id,
 * which a payout does not know):
 *
 * <table>
 *   <caption>from (rows) × action (columns)</caption>
 *   <tr><th></th><th>approve</th><th>reject</th><th>markPaid</th></tr>
 *   <tr><td>REQUESTED</td><td>APPROVED</td><td>REJECTED</td><td>illegal (approve first)</td></tr>
 *   <tr><td>APPROVED</td><td>unchanged</td><td>REJECTED</td><td>PAID</td></tr>
 *   <tr><td>REJECTED</td><td>illegal</td><td>unchanged (first reason stands)</td><td>illegal</td></tr>
 *   <tr><td>PAID</td><td>illegal</td><td>illegal</td><td>unchanged (first reference stands)</td></tr>
 * </table>
 */
public record Payout(UUID id, String sellerId, Money amount, PayoutStatus status, String reason, String reference,
                     Instant requestedAt, Instant approvedAt, Instant rejectedAt, Instant paidAt, long version) {

    public Payout {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sellerId, "sellerId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(requestedAt, "requestedAt");
        if (amount.amountMinor() <= 0) {
            throw new IllegalArgumentException("a payout is a positive amount");
        }
    }

    /** A new request; whether the seller may ask for it (balance, minimum, one open) is the service's check. */
    public static Payout request(UUID id, String sellerId, Money amount, Instant at) {
        return new Payout(id, sellerId, amount, PayoutStatus.REQUESTED, null, null, at, null, null, null, 1);
    }

    public boolean open() {
        return status == PayoutStatus.REQUESTED || status == PayoutStatus.APPROVED;
    }

    public Transition<Payout> approve(Instant at) {
        if (status == PayoutStatus.APPROVED) {
            return Transition.unchanged(this);
        }
        require(status == PayoutStatus.REQUESTED, "approved");
        return Transition.to(new Payout(id, sellerId, amount, PayoutStatus.APPROVED, reason, reference, requestedAt,
                at, rejectedAt, paidAt, version + 1));
    }

    public Transition<Payout> reject(String why, Instant at) {
        if (status == PayoutStatus.REJECTED) {
            return Transition.unchanged(this);
        }
        require(open(), "rejected");
        return Transition.to(new Payout(id, sellerId, amount, PayoutStatus.REJECTED, why, reference, requestedAt,
                approvedAt, at, paidAt, version + 1));
    }

    public Transition<Payout> markPaid(String paymentReference, Instant at) {
        if (status == PayoutStatus.PAID) {
            return Transition.unchanged(this);
        }
        require(status == PayoutStatus.APPROVED, "marked paid");
        return Transition.to(new Payout(id, sellerId, amount, PayoutStatus.PAID, reason, paymentReference,
                requestedAt, approvedAt, rejectedAt, at, version + 1));
    }

    private void require(boolean allowed, String action) {
        if (!allowed) {
            throw new IllegalTransition("payout", status, action);
        }
    }
}
