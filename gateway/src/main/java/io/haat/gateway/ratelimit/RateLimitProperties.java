package io.haat.gateway.ratelimit;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token-bucket limits per route group ({@code haat.gateway.rate-limits.<group>.replenish-rate} in
 * requests per second, fractions allowed, and {@code .burst-capacity}). Routes without a group of
 * their own use {@code default}; the credential endpoints use {@code auth}.
 */
@ConfigurationProperties("haat.gateway")
public record RateLimitProperties(@DefaultValue Map<String, Limit> rateLimits) {

    /** Used when neither the group nor {@code default} is configured. */
    static final Limit FALLBACK = new Limit(50, 100);

    /** Steady rate (tokens per second) and the bucket size (the largest burst). */
    public record Limit(double replenishRate, int burstCapacity) {

        public Limit {
            if (replenishRate <= 0 || burstCapacity < 1) {
                throw new IllegalArgumentException("replenish-rate must be > 0 and burst-capacity >= 1");
            }
        }

        /** How long an untouched bucket takes to fill up again (after that it can be forgotten). */
        long nanosToFill() {
            return (long) Math.ceil(burstCapacity / replenishRate * 1_000_000_000d);
        }
    }

    /** The limit of a group. */
    public Limit limitOf(String group) {
        Limit limit = rateLimits.get(group);
        if (limit == null) {
            limit = rateLimits.getOrDefault("default", FALLBACK);
        }
        return limit;
    }
}
