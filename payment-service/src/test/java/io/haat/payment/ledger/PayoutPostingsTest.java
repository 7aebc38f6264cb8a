package io.haat.payment.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.events.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A payout's three movements on their own: accounts, signs, keys, and what a transaction without an order may be. */
class PayoutPostingsTest {

    private static final Instant AT = Instant.parse("2026-03-01T00:00:00Z");
    private static final Money AMOUNT = new Money(12_345, "NPR");

    private static long on(LedgerTransaction tx, AccountKind kind) {
        return tx.entries().stream().filter(e -> e.account().kind() == kind)
                .mapToLong(e -> e.amount().amountMinor()).sum();
    }

    @Test
    void requestedRejectedAndPaidMoveTheAmountBetweenTheRightAccountsUnderTheirKeys() {
        LedgerTransaction requested = PayoutPostings.requested("p1", "seller-1", AMOUNT, AT);
        assertThat(requested.idempotencyKey()).isEqualTo("payout:p1");
        assertThat(requested.kind()).isEqualTo(TransactionKind.PAYOUT_REQUESTED);
        assertThat(requested.reference()).isEqualTo("p1");
        assertThat(requested.orderId()).isNull();
        assertThat(on(requested, AccountKind.SELLER_AVAILABLE)).as("debit: the seller's balance shrinks")
                .isEqualTo(12_345);
        assertThat(on(requested, AccountKind.PAYOUTS_IN_TRANSIT)).isEqualTo(-12_345);
        assertThat(requested.entries().getFirst().account().sellerId()).isEqualTo("seller-1");

        LedgerTransaction rejected = PayoutPostings.rejected("p1", "seller-1", AMOUNT, AT);
        assertThat(rejected.idempotencyKey()).isEqualTo("payout-reject:p1");
        assertThat(on(rejected, AccountKind.SELLER_AVAILABLE)).isEqualTo(-12_345);
        assertThat(on(rejected, AccountKind.PAYOUTS_IN_TRANSIT)).isEqualTo(12_345);

        LedgerTransaction paid = PayoutPostings.paid("p1", AMOUNT, AT);
        assertThat(paid.idempotencyKey()).isEqualTo("payout-paid:p1");
        assertThat(on(paid, AccountKind.PAYOUTS_IN_TRANSIT)).isEqualTo(12_345);
        assertThat(on(paid, AccountKind.PAYOUTS_PAID)).as("credit: money out, like refunds").isEqualTo(-12_345);
        for (LedgerTransaction tx : List.of(requested, rejected, paid)) {
            assertThat(LedgerTransaction.sums(tx.entries())).containsEntry("NPR", 0L);
        }
    }

    @Test
    void nothingOrNegativeIsNoPayoutAndOnlyPayoutsGoWithoutAnOrder() {
        assertThatThrownBy(() -> PayoutPostings.requested("p", "s", new Money(0, "NPR"), AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PayoutPostings.paid("p", new Money(-1, "NPR"), AT))
                .isInstanceOf(IllegalArgumentException.class);
        List<LedgerEntry> entries = PayoutPostings.paid("p", AMOUNT, AT).entries();
        assertThatThrownBy(() -> new LedgerTransaction(UUID.randomUUID(), "refund:r", TransactionKind.REFUND, null,
                "r", "RETURN", AT, entries)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LedgerTransaction(UUID.randomUUID(), "refund:r", TransactionKind.REFUND, "order-1",
                "r", "RETURN", AT, entries)).as("an entry of no order in an order's transaction")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
