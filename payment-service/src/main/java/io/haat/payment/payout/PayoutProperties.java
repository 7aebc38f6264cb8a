package io.haat.payment.payout;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code haat.payment.payouts.minimum.<CURRENCY>}: the smallest payout a seller may request, in minor units of that
 * currency (e.g. {@code NPR: 100000} for Rs 1,000). A currency not listed has no minimum beyond one minor unit.
 */
@ConfigurationProperties("haat.payment.payouts")
public record PayoutProperties(Map<String, Long> minimum) {

    public PayoutProperties {
        minimum = minimum == null ? Map.of() : Map.copyOf(minimum);
        minimum.forEach((currency, minor) -> {
            if (minor == null || minor < 1) {
                throw new IllegalArgumentException("haat.payment.payouts.minimum." + currency + " must be at least 1");
            }
        });
    }

    public long minimumMinor(String currency) {
        return minimum.getOrDefault(currency, 1L);
    }
}
