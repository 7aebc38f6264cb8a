package io.haat.payment.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.events.Money;
import io.haat.events.orders.SellerOrderTotals;
import io.haat.events.payment.RefundReason;
import io.haat.events.payment.SellerOrderRefund;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The ledger's rules on their own: which entries captures, completions and refunds post, to the minor unit. */
class LedgerPostingsTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    private static Money npr(long minor) {
        return new Money(minor, "NPR");
    }

    /** merchandise 10000, seller discount 1000, platform discount 500, shipping 300: total 8800. */
    private static SellerOrderTotals discounted(String id, String seller) {
        return new SellerOrderTotals(id, "store-" + id, seller, npr(10_000), npr(1_000), npr(500), npr(300), npr(8_800));
    }

    private static long on(LedgerTransaction tx, AccountKind kind) {
        return tx.entries().stream().filter(e -> e.account().kind() == kind)
                .mapToLong(e -> e.amount().amountMinor()).sum();
    }

    private static long on(LedgerTransaction tx, AccountKind kind, String sellerOrderId) {
        return tx.entries().stream().filter(e -> e.account().kind() == kind && sellerOrderId.equals(e.sellerOrderId()))
                .mapToLong(e -> e.amount().amountMinor()).sum();
    }

    @Test
    void aFullCaptureSplitsTheSellersShareAndTheCommissionAfterSellerFundedDiscounts() {
        LedgerTransaction tx = LedgerPostings.capture("p1", "o1", npr(8_800), List.of(discounted("so1", "s1")),
                CommissionRates.flat(1_000), Map.of(), AT);

        assertThat(tx.idempotencyKey()).isEqualTo("capture:p1");
        assertThat(tx.kind()).isEqualTo(TransactionKind.CAPTURE);
        assertThat(on(tx, AccountKind.CUSTOMER_CLEARING)).isEqualTo(8_800);      // money in
        assertThat(on(tx, AccountKind.PLATFORM_DISCOUNTS)).isEqualTo(500);       // the platform's cost
        assertThat(on(tx, AccountKind.COMMISSION_REVENUE)).isEqualTo(-900);      // 10 % of 10000 - 1000, credited
        assertThat(on(tx, AccountKind.SELLER_PENDING)).isEqualTo(-8_400);        // 8800 + 500 - 900, credited
        assertThat(tx.entries()).allSatisfy(e -> assertThat(e.orderId()).isEqualTo("o1"));
        assertThat(LedgerTransaction.sums(tx.entries())).containsExactly(Map.entry("NPR", 0L));
    }

    @Test
    void partialCapturesOverTwoSellerOrdersAddUpExactlyToTheFullSplit() {
        SellerOrderTotals a = SellerOrderTotals.undiscounted("so-a", "store-a", "s-a", npr(1_001));
        SellerOrderTotals b = SellerOrderTotals.undiscounted("so-b", "store-b", "s-b", npr(2_003));
        List<SellerOrderTotals> split = List.of(a, b);
        CommissionRates rates = part -> part == a ? 1_234 : 777;

        Map<String, SellerOrderPosition> positions = new HashMap<>();
        long[] amounts = {333, 1_000, 1_671};
        long commission = 0;
        for (int i = 0; i < amounts.length; i++) {
            LedgerTransaction tx = LedgerPostings.capture("p" + i, "o1", npr(amounts[i]), split, rates, positions, AT);
            assertThat(LedgerTransaction.sums(tx.entries()).get("NPR")).isZero();
            commission -= on(tx, AccountKind.COMMISSION_REVENUE);
            for (SellerOrderTotals part : split) {
                SellerOrderPosition before = positions.getOrDefault(part.sellerOrderId(), SellerOrderPosition.NONE);
                positions.put(part.sellerOrderId(), new SellerOrderPosition(
                        before.captured() + on(tx, AccountKind.CUSTOMER_CLEARING, part.sellerOrderId()), 0,
                        before.commissionCharged() - on(tx, AccountKind.COMMISSION_REVENUE, part.sellerOrderId()), 0,
                        0, 0, before.pending() - on(tx, AccountKind.SELLER_PENDING, part.sellerOrderId()), false));
            }
            if (i == 0) {
                // the waterfall: the first seller order is paid first
                assertThat(on(tx, AccountKind.CUSTOMER_CLEARING, "so-a")).isEqualTo(333);
                assertThat(on(tx, AccountKind.CUSTOMER_CLEARING, "so-b")).isZero();
            }
        }

        // 12.34 % of 1001 = 123.5... → 124 (half up); 7.77 % of 2003 = 155.6... → 156
        assertThat(positions.get("so-a").captured()).isEqualTo(1_001);
        assertThat(positions.get("so-a").commissionCharged()).isEqualTo(124);
        assertThat(positions.get("so-a").pending()).isEqualTo(1_001 - 124);
        assertThat(positions.get("so-b").captured()).isEqualTo(2_003);
        assertThat(positions.get("so-b").commissionCharged()).isEqualTo(156);
        assertThat(positions.get("so-b").pending()).isEqualTo(2_003 - 156);
        assertThat(commission).isEqualTo(124 + 156);
    }

    @Test
    void proportionsAreExactForAmountsWhoseProductPassesALong() {
        long whole = 4_000_000_000_000L;   // 40 billion in minor units
        assertThat(LedgerPostings.proportion(whole / 4, 3_999_999_999_999L, whole)).isEqualTo(999_999_999_999L);
        assertThat(LedgerPostings.proportion(whole, 7, whole)).isEqualTo(7);
        assertThat(LedgerPostings.proportion(0, 7, 0)).isEqualTo(7);   // a seller order with nothing to pay
    }

    @Test
    void aCaptureBeyondTheOrdersTotalIsCustomerCredit() {
        LedgerTransaction tx = LedgerPostings.capture("p1", "o1", npr(1_500),
                List.of(SellerOrderTotals.undiscounted("so1", "st", "s1", npr(1_000))), CommissionRates.flat(0),
                Map.of(), AT);

        assertThat(on(tx, AccountKind.CUSTOMER_CLEARING)).isEqualTo(1_500);
        assertThat(on(tx, AccountKind.SELLER_PENDING)).isEqualTo(-1_000);
        assertThat(on(tx, AccountKind.CUSTOMER_CREDIT)).isEqualTo(-500);
        assertThat(on(tx, AccountKind.COMMISSION_REVENUE)).isZero();
    }

    @Test
    void aCaptureForACompletedSellerOrderIsAvailableAtOnce() {
        SellerOrderPosition completed = new SellerOrderPosition(500, 0, 0, 0, 0, 0, 0, true);
        LedgerTransaction tx = LedgerPostings.capture("p2", "o1", npr(500),
                List.of(SellerOrderTotals.undiscounted("so1", "st", "s1", npr(1_000))), CommissionRates.flat(0),
                Map.of("so1", completed), AT);

        assertThat(on(tx, AccountKind.SELLER_AVAILABLE)).isEqualTo(-500);
        assertThat(on(tx, AccountKind.SELLER_PENDING)).isZero();
    }

    @Test
    void completionMovesTheSellerOrdersPendingEarningsToAvailable() {
        SellerOrderPosition position = new SellerOrderPosition(8_800, 0, 900, 0, 500, 0, 8_400, false);

        LedgerTransaction tx = LedgerPostings.completion("so1", "o1", "s1", "NPR", position, AT).orElseThrow();

        assertThat(tx.idempotencyKey()).isEqualTo("complete:so1");
        assertThat(on(tx, AccountKind.SELLER_PENDING)).isEqualTo(8_400);
        assertThat(on(tx, AccountKind.SELLER_AVAILABLE)).isEqualTo(-8_400);
        assertThat(tx.entries()).allSatisfy(e -> assertThat(e.account().sellerId()).isEqualTo("s1"));
        assertThat(LedgerPostings.completion("so1", "o1", "s1", "NPR", SellerOrderPosition.NONE, AT)).isEmpty();
    }

    @Test
    void refundsReverseTheSellersShareCommissionAndDiscountInProportionAndAFullRefundReversesExactly() {
        SellerOrderPosition captured = new SellerOrderPosition(8_800, 0, 900, 0, 500, 0, 8_400, false);

        LedgerTransaction third = LedgerPostings.refund("r1", "o1",
                List.of(new SellerOrderRefund("so1", "st", "s1", npr(2_933))), RefundReason.RETURN,
                Map.of("so1", captured), AT);

        // 2933 / 8800 of 900 = 299.96 → 299; of 500 = 166.6 → 166; the seller gives back 2933 + 166 - 299
        assertThat(third.idempotencyKey()).isEqualTo("refund:r1");
        assertThat(third.reason()).isEqualTo("RETURN");
        assertThat(on(third, AccountKind.REFUNDS)).isEqualTo(-2_933);
        assertThat(on(third, AccountKind.COMMISSION_REVENUE)).isEqualTo(299);
        assertThat(on(third, AccountKind.PLATFORM_DISCOUNTS)).isEqualTo(-166);
        assertThat(on(third, AccountKind.SELLER_PENDING)).isEqualTo(2_933 + 166 - 299);

        SellerOrderPosition after = new SellerOrderPosition(8_800, 2_933, 900, 299, 500, 166,
                8_400 - (2_933 + 166 - 299), false);
        LedgerTransaction rest = LedgerPostings.refund("r2", "o1",
                List.of(new SellerOrderRefund("so1", "st", "s1", npr(8_800 - 2_933))), RefundReason.RETURN,
                Map.of("so1", after), AT);

        assertThat(on(rest, AccountKind.COMMISSION_REVENUE)).isEqualTo(900 - 299);
        assertThat(on(rest, AccountKind.PLATFORM_DISCOUNTS)).isEqualTo(-(500 - 166));
        assertThat(on(rest, AccountKind.SELLER_PENDING)).isEqualTo(after.pending());   // down to exactly zero
        assertThat(on(rest, AccountKind.SELLER_AVAILABLE)).isZero();
    }

    @Test
    void aRefundAfterCompletionComesFromAvailableAndMayTakeItNegative() {
        SellerOrderPosition completed = new SellerOrderPosition(1_000, 0, 100, 0, 0, 0, 0, true);
        SellerOrderPosition partlyPending = new SellerOrderPosition(1_000, 0, 100, 0, 0, 0, 300, false);

        LedgerTransaction fromAvailable = LedgerPostings.refund("r1", "o1",
                List.of(new SellerOrderRefund("so1", "st", "s1", npr(1_000))), RefundReason.DISPUTE,
                Map.of("so1", completed), AT);
        LedgerTransaction pendingFirst = LedgerPostings.refund("r2", "o2",
                List.of(new SellerOrderRefund("so1", "st", "s1", npr(1_000))), RefundReason.DISPUTE,
                Map.of("so1", partlyPending), AT);

        assertThat(on(fromAvailable, AccountKind.SELLER_AVAILABLE)).isEqualTo(900);
        assertThat(on(fromAvailable, AccountKind.SELLER_PENDING)).isZero();
        assertThat(on(pendingFirst, AccountKind.SELLER_PENDING)).isEqualTo(300);
        assertThat(on(pendingFirst, AccountKind.SELLER_AVAILABLE)).isEqualTo(600);
    }

    @Test
    void refusesWhatWouldInventOrLoseMoney() {
        SellerOrderTotals part = SellerOrderTotals.undiscounted("so1", "st", "s1", npr(1_000));
        assertThatThrownBy(() -> LedgerPostings.refund("r1", "o1",
                List.of(new SellerOrderRefund("so1", "st", "s1", npr(1))), RefundReason.ADMIN, Map.of(), AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds");
        assertThatThrownBy(() -> LedgerPostings.capture("p1", "o1", npr(1_000), List.of(part),
                CommissionRates.flat(10_001), Map.of(), AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("basis points");
        assertThatThrownBy(() -> LedgerPostings.capture("p1", "o1", npr(0), List.of(part),
                CommissionRates.flat(0), Map.of(), AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerPostings.capture("p1", "o1", new Money(1_000, "USD"), List.of(part),
                CommissionRates.flat(0), Map.of(), AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTransactionThatDoesNotSumToZeroCannotBeBuilt() {
        Account clearing = Account.platform(AccountKind.CUSTOMER_CLEARING, "NPR");
        Account pending = Account.seller(AccountKind.SELLER_PENDING, "s1", "NPR");
        Account usd = Account.seller(AccountKind.SELLER_PENDING, "s1", "USD");

        assertThatThrownBy(() -> tx(new LedgerEntry(clearing, npr(100), "o1", null),
                new LedgerEntry(pending, npr(-99), "o1", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not sum to zero");
        // balanced in total but not per currency
        assertThatThrownBy(() -> tx(new LedgerEntry(clearing, npr(100), "o1", null),
                new LedgerEntry(usd, new Money(-100, "USD"), "o1", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not sum to zero");
        assertThatThrownBy(() -> tx()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LedgerEntry(clearing, npr(0), "o1", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LedgerEntry(usd, npr(5), "o1", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Account.platform(AccountKind.SELLER_PENDING, "NPR"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static LedgerTransaction tx(LedgerEntry... entries) {
        return new LedgerTransaction(UUID.randomUUID(), "k", TransactionKind.CAPTURE, "o1", "p1", "CAPTURE", AT,
                List.of(entries));
    }
}
