package io.haat.catalog.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-client token bucket, on a fake clock. */
class ClientRateLimiterTest {

    private final AtomicLong nanos = new AtomicLong();
    private final ClientRateLimiter limiter = new ClientRateLimiter(60, 3, nanos::get);

    @Test
    void allowsABurstThenTheSustainedRateAndTellsWhenToRetry() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        }
        ClientRateLimiter.Decision refused = limiter.tryAcquire("a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(limiter.tryAcquire("b").allowed()).as("per client").isTrue();

        nanos.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
    }

    @Test
    void forgetsClientsWhoseBucketIsFullAgain() {
        limiter.tryAcquire("a");
        limiter.tryAcquire("b");
        nanos.addAndGet(TimeUnit.MINUTES.toNanos(1));
        limiter.tryAcquire("c");
        limiter.evictIdle();
        assertThat(limiter.size()).isEqualTo(1);
    }
}
