package io.haat.gateway.ratelimit;

import io.haat.gateway.ratelimit.RateLimitProperties.Limit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import reactor.core.publisher.Mono;

/**
 * An in-memory token bucket per (group, client) for one gateway replica. Implements Spring Cloud
 * Gateway's {@link RateLimiter} SPI with the group as the "route id", so it can be swapped for the
 * Redis-backed {@code RedisRateLimiter} when several replicas must share one limit.
 *
 * <p>Memory stays bounded: a bucket untouched for as long as it takes to refill completely is full
 * again and is dropped; past {@code maxBuckets} the least recently used ones go first.
 */
public class TokenBucketRateLimiter implements RateLimiter<Limit> {

    public static final String REMAINING_HEADER = "X-RateLimit-Remaining";
    public static final String BURST_CAPACITY_HEADER = "X-RateLimit-Burst-Capacity";
    public static final String REPLENISH_RATE_HEADER = "X-RateLimit-Replenish-Rate";
    public static final String RETRY_AFTER_HEADER = "Retry-After";

    private static final int SWEEP_EVERY = 4096;

    private final RateLimitProperties properties;
    private final LongSupplier nanoClock;
    private final int maxBuckets;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicBoolean sweeping = new AtomicBoolean();

    public TokenBucketRateLimiter(RateLimitProperties properties) {
        this(properties, System::nanoTime, 100_000);
    }

    TokenBucketRateLimiter(RateLimitProperties properties, LongSupplier nanoClock, int maxBuckets) {
        this.properties = properties;
        this.nanoClock = nanoClock;
        this.maxBuckets = maxBuckets;
    }

    @Override
    public Mono<Response> isAllowed(String group, String clientKey) {
        return Mono.fromSupplier(() -> tryAcquire(group, clientKey));
    }

    /** Takes one token from the client's bucket in this group, if there is one. */
    public Response tryAcquire(String group, String clientKey) {
        Limit limit = properties.limitOf(group);
        long now = nanoClock.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(group + '|' + clientKey, key -> new Bucket(limit.burstCapacity(), now));
        double left = bucket.take(limit, now);
        if (calls.incrementAndGet() % SWEEP_EVERY == 0 || buckets.size() > maxBuckets) {
            sweep(now);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(REMAINING_HEADER, Long.toString(left >= 0 ? (long) Math.floor(left) : 0));
        headers.put(BURST_CAPACITY_HEADER, Integer.toString(limit.burstCapacity()));
        headers.put(REPLENISH_RATE_HEADER, trim(limit.replenishRate()));
        if (left < 0) {
            // -left tokens are missing before the next request can pass
            headers.put(RETRY_AFTER_HEADER, Long.toString(Math.max(1, (long) Math.ceil(-left / limit.replenishRate()))));
            return new Response(false, headers);
        }
        return new Response(true, headers);
    }

    int trackedBuckets() {
        return buckets.size();
    }

    private void sweep(long now) {
        if (!sweeping.compareAndSet(false, true)) {
            return;
        }
        try {
            buckets.entrySet().removeIf(entry -> entry.getValue().idleFor(now) >= properties.limitOf(group(entry.getKey())).nanosToFill());
            int excess = buckets.size() - maxBuckets;
            if (excess > 0) {
                Map<String, Long> lastSeen = new HashMap<>();
                buckets.forEach((key, bucket) -> lastSeen.put(key, bucket.lastSeen()));
                lastSeen.entrySet().stream()
                        .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                        .limit(excess + maxBuckets / 10)
                        .forEach(entry -> buckets.remove(entry.getKey()));
            }
        } finally {
            sweeping.set(false);
        }
    }

    private static String group(String bucketKey) {
        return bucketKey.substring(0, bucketKey.indexOf('|'));
    }

    private static String trim(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }

    @Override
    public Map<String, Limit> getConfig() {
        return properties.rateLimits();
    }

    @Override
    public Class<Limit> getConfigClass() {
        return Limit.class;
    }

    @Override
    public Limit newConfig() {
        return RateLimitProperties.FALLBACK;
    }

    /** One client's bucket in one group. */
    private static final class Bucket {

        private double tokens;
        private long lastRefill;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.lastRefill = now;
        }

        /** Refills, then takes a token; returns the tokens left, or minus the shortfall when refused. */
        synchronized double take(Limit limit, long now) {
            long elapsed = Math.max(0, now - lastRefill);
            tokens = Math.min(limit.burstCapacity(), tokens + elapsed / 1_000_000_000d * limit.replenishRate());
            lastRefill = now;
            if (tokens >= 1) {
                tokens -= 1;
                return tokens;
            }
            return -(1 - tokens);
        }

        synchronized long idleFor(long now) {
            return now - lastRefill;
        }

        synchronized long lastSeen() {
            return lastRefill;
        }
    }
}
