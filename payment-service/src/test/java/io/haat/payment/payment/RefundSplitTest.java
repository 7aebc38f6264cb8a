package io.haat.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.events.Money;
import io.haat.events.orders.SellerOrderTotals;
import io.haat.events.payment.SellerOrderRefund;
import io.haat.payment.ledger.SellerOrderPosition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How {@link RefundSplit} takes a refund: customer credit first, then seller orders by largest remainder. */
class RefundSplitTest {

    private static final List<SellerOrderTotals> SPLIT = List.of(
            SellerOrderTotals.undiscounted("a", "store-a", "seller-a", new Money(3_333, "NPR")),
            SellerOrderTotals.undiscounted("b", "store-b", "seller-b", new Money(3_333, "NPR")),
            SellerOrderTotals.undiscounted("c", "store-c", "seller-c", new Money(3_334, "NPR")));

    private static SellerOrderPosition net(long captured, long refunded) {
        return new SellerOrderPosition(captured, refunded, 0, 0, 0, 0, 0, false);
    }

    private static long[] amounts(RefundSplit split) {
        return split.sellerOrders().stream().mapToLong(part -> part.amount().amountMinor()).toArray();
    }

    @Test
    void partsFollowWhatEachSellerOrderKeptAndAddUpToTheMinorUnit() {
        Map<String, SellerOrderPosition> positions = Map.of("a", net(3_333, 0), "b", net(3_333, 0), "c", net(3_334, 0));
        RefundSplit split = RefundSplit.of(new Money(100, "NPR"), SPLIT, positions, 0);
        assertThat(amounts(split)).containsExactly(33, 33, 34);
        assertThat(split.customerCredit().amountMinor()).isZero();

        RefundSplit all = RefundSplit.of(new Money(10_000, "NPR"), SPLIT, positions, 0);
        assertThat(amounts(all)).containsExactly(3_333, 3_333, 3_334);
    }

    @Test
    void aSellerOrderThatGaveEverythingBackOrReceivedNothingTakesNoPart() {
        Map<String, SellerOrderPosition> positions = Map.of("a", net(3_333, 3_333), "b", net(1_000, 0));
        RefundSplit split = RefundSplit.of(new Money(1_000, "NPR"), SPLIT, positions, 0);
        assertThat(split.sellerOrders()).extracting(SellerOrderRefund::sellerOrderId).containsExactly("b");
        assertThat(amounts(split)).containsExactly(1_000);
        assertThatThrownBy(() -> RefundSplit.of(new Money(1_001, "NPR"), SPLIT, positions, 0))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void customerCreditIsGivenBackFirst() {
        Map<String, SellerOrderPosition> positions = Map.of("a", net(3_333, 0), "b", net(3_333, 0), "c", net(3_334, 0));
        RefundSplit creditOnly = RefundSplit.of(new Money(500, "NPR"), SPLIT, positions, 800);
        assertThat(creditOnly.customerCredit().amountMinor()).isEqualTo(500);
        assertThat(creditOnly.sellerOrders()).isEmpty();
        RefundSplit both = RefundSplit.of(new Money(1_100, "NPR"), SPLIT, positions, 800);
        assertThat(both.customerCredit().amountMinor()).isEqualTo(800);
        assertThat(amounts(both)).containsExactly(100, 100, 100);
    }
}
