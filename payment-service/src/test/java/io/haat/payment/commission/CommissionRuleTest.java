package io.haat.payment.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.events.Money;
import io.haat.payment.commission.CommissionRule.Scope;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A rule's fee: the rate rounded half up, bounded by its minimum and maximum in their own currency only. */
class CommissionRuleTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    private static CommissionRule rule(int bps, Long min, Long max, String currency) {
        return new CommissionRule("r", Scope.STORE, "store", null, bps, min, max, currency, AT);
    }

    @Test
    void theRateIsRoundedHalfUpAndTheBoundsApplyInTheirCurrency() {
        CommissionRule bounded = rule(1_000, 300L, 2_000L, "NPR");
        assertThat(bounded.feeOn(new Money(10_005, "NPR"))).isEqualTo(1_001);       // 1000.5 → 1001
        assertThat(bounded.feeOn(new Money(1_000, "NPR"))).isEqualTo(300);          // minimum
        assertThat(bounded.feeOn(new Money(100_000, "NPR"))).isEqualTo(2_000);      // maximum
        assertThat(bounded.feeOn(new Money(1_000, "USD"))).isEqualTo(100);          // bounds in NPR only
        assertThat(rule(0, null, null, null).feeOn(new Money(99_999, "NPR"))).isZero();
        assertThat(rule(10_000, null, null, null).feeOn(new Money(4_321, "NPR"))).isEqualTo(4_321);
    }

    @Test
    void aRuleThatCannotExistIsRefused() {
        assertThatThrownBy(() -> rule(10_001, null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rule(-1, null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rule(100, 5L, null, null)).as("bounds without a currency")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CommissionRule("r", Scope.DEFAULT, "x", null, 1, null, null, null, AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CommissionRule("r", Scope.SELLER, null, null, 1, null, null, null, AT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
