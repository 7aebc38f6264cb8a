package io.haat.payment.ledger;

import io.haat.events.Money;
import java.util.Objects;

/**
 * One line of a ledger transaction: a signed amount on an account (positive = debit, negative = credit), for an
 * order and, where the money belongs to one store's part of it, a seller order. A payout's entries have no order
 * ({@code orderId} null; {@link LedgerTransaction} allows that for payout transactions only).
 */
public record LedgerEntry(Account account, Money amount, String orderId, String sellerOrderId) {

    public LedgerEntry {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(amount, "amount");
        if (!amount.currency().equals(account.currency())) {
            throw new IllegalArgumentException("an entry in " + amount.currency() + " on a " + account.currency()
                    + " account");
        }
        if (amount.amountMinor() == 0) {
            throw new IllegalArgumentException("a ledger entry moves money: zero on " + account);
        }
    }

    /** How much this entry adds to a seller's balance (credit-normal): the amount with its sign turned. */
    public long toSellerMinor() {
        return -amount.amountMinor();
    }
}
