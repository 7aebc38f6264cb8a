package io.haat.catalog.tracking;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: {@code burst} tokens, refilled at {@code perMinute}. In memory, per instance (the
 * gateway limits globally; this only keeps one client from flooding the analytics).
 */
public class ClientRateLimiter {

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public ClientRateLimiter(int perMinute, int burst, LongSupplier nanoClock) {
        this.capacity = Math.max(1, burst);
        this.tokensPerNano = perMinute / (double) TimeUnit.MINUTES.toNanos(1);
        this.nanoClock = nanoClock;
    }

    /** What a request gets: allowed, or refused with the seconds until a token is available. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    public Decision tryAcquire(String client) {
        long now = nanoClock.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(client, k -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updatedNanos) * tokensPerNano);
            bucket.updatedNanos = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return new Decision(true, 0);
            }
            double missingNanos = (1 - bucket.tokens) / tokensPerNano;
            return new Decision(false, Math.max(1, (long) Math.ceil(missingNanos / 1e9)));
        }
    }

    /** Forgets clients whose bucket is full again (they would start from a full bucket anyway). */
    public void evictIdle() {
        long now = nanoClock.getAsLong();
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().tokens + (now - e.getValue().updatedNanos) * tokensPerNano >= capacity;
            }
        });
    }

    int size() {
        return buckets.size();
    }

    private static final class Bucket {
        double tokens;
        long updatedNanos;

        Bucket(double tokens, long updatedNanos) {
            this.tokens = tokens;
            this.updatedNanos = updatedNanos;
        }
    }
}
