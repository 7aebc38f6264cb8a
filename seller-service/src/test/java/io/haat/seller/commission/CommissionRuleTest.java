package io.haat.seller.commission;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.Money;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CommissionRuleTest {

    private static CommissionRule rule(int bps, Long min, Long max) {
        return new CommissionRule(UUID.randomUUID(), CommissionScope.DEFAULT, null, null, bps,
                min == null ? null : new Money(min, "NPR"), max == null ? null : new Money(max, "NPR"),
                Instant.EPOCH, Instant.EPOCH, "admin");
    }

    @Test
    void theFeeIsTheRateWithinTheBounds() {
        assertThat(rule(1000, null, null).feeOn(new Money(12_345, "NPR")).amountMinor()).isEqualTo(1_235);
        assertThat(rule(1000, 2_000L, null).feeOn(new Money(12_345, "NPR")).amountMinor()).isEqualTo(2_000);
        assertThat(rule(1000, null, 500L).feeOn(new Money(12_345, "NPR")).amountMinor()).isEqualTo(500);
        // bounds in another currency do not apply
        assertThat(rule(1000, 2_000L, null).feeOn(new Money(12_345, "USD")))
                .isEqualTo(new Money(1_235, "USD"));
    }
}
