package io.haat.payment.wallet;

import io.haat.events.Money;
import java.util.List;

/**
 * A seller's wallet: pending (seller orders not yet completed) and available earnings in {@code currency}, and the
 * same for every currency the seller has earned in. A negative balance is owed by the seller (refunds beyond
 * earnings) and is netted against later earnings.
 */
public record WalletResponse(String sellerId, String currency, Money pending, Money available, List<Balance> balances) {

    /** The two balances in one currency. */
    public record Balance(String currency, Money pending, Money available) {
    }
}
