package io.haat.payment.ledger;

import static io.haat.payment.ledger.AccountKind.PAYOUTS_IN_TRANSIT;
import static io.haat.payment.ledger.AccountKind.PAYOUTS_PAID;
import static io.haat.payment.ledger.AccountKind.SELLER_AVAILABLE;

import io.haat.events.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The entries of a payout's three movements (pure domain code, like {@link LedgerPostings}): requested (the seller's
 * available balance → payouts in transit), rejected (back to available) and paid (in transit → paid out). Each is
 * keyed by the payout id, so it is posted once whatever the retries.
 */
public final class PayoutPostings {

    private PayoutPostings() {
    }

    public static LedgerTransaction requested(String payoutId, String sellerId, Money amount, Instant at) {
        return move(TransactionKind.PAYOUT_REQUESTED, "payout:" + payoutId, payoutId, "PAYOUT",
                Account.seller(SELLER_AVAILABLE, sellerId, amount.currency()),
                Account.platform(PAYOUTS_IN_TRANSIT, amount.currency()), amount, at);
    }

    public static LedgerTransaction rejected(String payoutId, String sellerId, Money amount, Instant at) {
        return move(TransactionKind.PAYOUT_REJECTED, "payout-reject:" + payoutId, payoutId, "PAYOUT_REJECTED",
                Account.platform(PAYOUTS_IN_TRANSIT, amount.currency()),
                Account.seller(SELLER_AVAILABLE, sellerId, amount.currency()), amount, at);
    }

    public static LedgerTransaction paid(String payoutId, Money amount, Instant at) {
        return move(TransactionKind.PAYOUT_PAID, "payout-paid:" + payoutId, payoutId, "PAYOUT_PAID",
                Account.platform(PAYOUTS_IN_TRANSIT, amount.currency()),
                Account.platform(PAYOUTS_PAID, amount.currency()), amount, at);
    }

    /** Moves {@code amount} from {@code from} (debited: its credit balance shrinks) to {@code to} (credited). */
    private static LedgerTransaction move(TransactionKind kind, String key, String payoutId, String reason,
                                          Account from, Account to, Money amount, Instant at) {
        if (amount.amountMinor() <= 0) {
            throw new IllegalArgumentException("a payout moves a positive amount, not " + amount.amountMinor());
        }
        return new LedgerTransaction(UUID.randomUUID(), key, kind, null, payoutId, reason, at, List.of(
                new LedgerEntry(from, amount, null, null),
                new LedgerEntry(to, new Money(-amount.amountMinor(), amount.currency()), null, null)));
    }
}
