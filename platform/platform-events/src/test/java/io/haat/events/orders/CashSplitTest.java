package io.haat.events.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.events.Money;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CashSplitTest {

    private static final List<SellerOrderTotals> SPLIT = List.of(
            SellerOrderTotals.undiscounted("so-1", "st-1", "se-1", new Money(6_000, "NPR")),
            SellerOrderTotals.undiscounted("so-2", "st-2", "se-2", new Money(3_000, "NPR")),
            SellerOrderTotals.undiscounted("so-3", "st-3", "se-3", new Money(1_000, "NPR")));

    @Test
    void aCashOnlyOrderOwesEachSellerOrdersTotal() {
        assertThat(CashSplit.dueOf(SPLIT, new Money(10_000, "NPR")))
                .containsExactly(Map.entry("so-1", 6_000L), Map.entry("so-2", 3_000L), Map.entry("so-3", 1_000L));
    }

    @Test
    void theOnlinePartPaysTheSellerOrdersInOrderAndTheCashCoversWhatItLeaves() {
        // online 6,500: so-1 in full, 500 of so-2
        assertThat(CashSplit.dueOf(SPLIT, new Money(3_500, "NPR")))
                .containsEntry("so-1", 0L).containsEntry("so-2", 2_500L).containsEntry("so-3", 1_000L);
        assertThat(CashSplit.dueOf(SPLIT, new Money(0, "NPR")).values()).containsOnly(0L);
        assertThat(CashSplit.dueOf(SPLIT, new Money(1, "NPR"))).containsEntry("so-3", 1L).containsEntry("so-2", 0L);
    }

    @Test
    void moreCashThanTheOrderIsRefused() {
        assertThatThrownBy(() -> CashSplit.dueOf(SPLIT, new Money(10_001, "NPR")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
