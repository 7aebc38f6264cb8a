package io.haat.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void addsSubtractsAndMultipliesInMinorUnits() {
        Money price = new Money(129_900, "NPR");

        assertThat(price.times(3)).isEqualTo(new Money(389_700, "NPR"));
        assertThat(price.plus(new Money(100, "NPR"))).isEqualTo(new Money(130_000, "NPR"));
        assertThat(price.minus(new Money(130_000, "NPR"))).isEqualTo(new Money(-100, "NPR"));
        assertThat(price.minus(new Money(130_000, "NPR")).belowZero()).isTrue();
        assertThat(Money.zero("USD").plus(new Money(5, "USD"))).isEqualTo(new Money(5, "USD"));
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> new Money(1, "NPR").plus(new Money(1, "USD")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("currency mismatch");
        assertThatThrownBy(() -> new Money(1, "NPR").minus(new Money(1, "EUR")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsOnlyUpperCaseIso4217Currencies() {
        assertThatThrownBy(() -> new Money(1, "XYZ1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Money(1, "npr")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Money(1, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void basisPointsRoundHalfUp() {
        // 10% of 1,299.00
        assertThat(new Money(129_900, "NPR").basisPoints(1_000)).isEqualTo(new Money(12_990, "NPR"));
        // 2.5% of 0.99 = 2.475 minor units -> 2 ; 2.5% of 1.00 = 2.5 -> 3
        assertThat(new Money(99, "USD").basisPoints(250)).isEqualTo(new Money(2, "USD"));
        assertThat(new Money(100, "USD").basisPoints(250)).isEqualTo(new Money(3, "USD"));
        assertThat(new Money(129_900, "NPR").basisPoints(0)).isEqualTo(Money.zero("NPR"));
    }

    @Test
    void overflowIsAnErrorNotAWrapAround() {
        assertThatThrownBy(() -> new Money(Long.MAX_VALUE, "USD").plus(new Money(1, "USD")))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> new Money(Long.MAX_VALUE / 2 + 1, "USD").times(2))
                .isInstanceOf(ArithmeticException.class);
    }
}
