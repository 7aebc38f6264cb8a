package io.haat.order.cart;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code haat.order.cart.*}: how long an untouched guest cart lives, and how the purge of expired ones runs.
 */
@ConfigurationProperties("haat.order.cart")
public record CartProperties(@DefaultValue("30d") Duration guestTtl, @DefaultValue("500") int purgeBatch) {

    public CartProperties {
        if (guestTtl.isNegative() || guestTtl.isZero()) {
            throw new IllegalArgumentException("haat.order.cart.guest-ttl must be positive");
        }
        if (purgeBatch < 1) {
            throw new IllegalArgumentException("haat.order.cart.purge-batch must be at least 1");
        }
    }
}
