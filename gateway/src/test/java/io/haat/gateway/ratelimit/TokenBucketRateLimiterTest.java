package io.haat.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.gateway.ratelimit.RateLimitProperties.Limit;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter.Response;

class TokenBucketRateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong(42 * SECOND);
    private final RateLimitProperties properties = new RateLimitProperties(Map.of(
            "default", new Limit(10, 20),
            "auth", new Limit(0.5, 3)));
    private final TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(properties, clock::get, 1_000);

    @Test
    void allowsABurstThenRefusesWithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            Response response = limiter.tryAcquire("auth", "ip:1");
            assertThat(response.isAllowed()).isTrue();
            assertThat(response.getHeaders()).containsEntry("X-RateLimit-Remaining", Integer.toString(2 - i));
        }

        Response refused = limiter.tryAcquire("auth", "ip:1");

        assertThat(refused.isAllowed()).isFalse();
        // one token every 2 s
        assertThat(refused.getHeaders()).containsEntry("Retry-After", "2").containsEntry("X-RateLimit-Remaining", "0");
    }

    @Test
    void refillsAtTheReplenishRate() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("auth", "ip:1");
        }
        clock.addAndGet(SECOND);
        Response halfway = limiter.tryAcquire("auth", "ip:1");
        assertThat(halfway.isAllowed()).isFalse();
        assertThat(halfway.getHeaders()).containsEntry("Retry-After", "1");

        clock.addAndGet(SECOND);
        assertThat(limiter.tryAcquire("auth", "ip:1").isAllowed()).isTrue();
        assertThat(limiter.tryAcquire("auth", "ip:1").isAllowed()).isFalse();
    }

    @Test
    void bucketsArePerClientAndPerGroup() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("auth", "ip:1");
        }
        assertThat(limiter.tryAcquire("auth", "ip:1").isAllowed()).isFalse();
        assertThat(limiter.tryAcquire("auth", "ip:2").isAllowed()).isTrue();
        assertThat(limiter.tryAcquire("default", "ip:1").isAllowed()).isTrue();
    }

    @Test
    void unknownGroupsUseTheDefaultLimit() {
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.tryAcquire("no-such-group", "user:u").isAllowed()).isTrue();
        }
        assertThat(limiter.tryAcquire("no-such-group", "user:u").isAllowed()).isFalse();
    }

    @Test
    void idleBucketsAreForgottenAndMemoryIsBounded() {
        for (int i = 0; i < 5_000; i++) {
            limiter.tryAcquire("default", "ip:" + i);
            clock.addAndGet(SECOND / 1000);
        }
        assertThat(limiter.trackedBuckets()).isLessThanOrEqualTo(1_000);

        clock.addAndGet(10 * SECOND); // every default bucket refills in 2 s
        for (int i = 0; i < 4_096; i++) {
            limiter.tryAcquire("auth", "fresh");
        }
        assertThat(limiter.trackedBuckets()).isLessThanOrEqualTo(2);
    }

    @Test
    void refusesNonsensicalLimits() {
        assertThatThrownBy(() -> new Limit(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limit(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
