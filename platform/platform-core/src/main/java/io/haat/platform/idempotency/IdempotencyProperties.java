package io.haat.platform.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code haat.idempotency.*}: how long a key is remembered ({@code ttl}), how long a duplicate waits for
 * the first request to finish ({@code in-progress-wait}), after how long an unfinished claim counts as
 * abandoned by a crashed instance ({@code in-progress-timeout}), and how often expired keys are purged.
 */
@ConfigurationProperties("haat.idempotency")
public record IdempotencyProperties(Duration ttl, Duration inProgressWait, Duration inProgressTimeout,
        Duration purgeInterval) {

    public IdempotencyProperties {
        ttl = ttl != null ? ttl : Duration.ofHours(24);
        // well inside the gateway's response timeout (10 s): past it the caller gets a 504 instead of this 409
        inProgressWait = inProgressWait != null ? inProgressWait : Duration.ofSeconds(5);
        inProgressTimeout = inProgressTimeout != null ? inProgressTimeout : Duration.ofMinutes(5);
        purgeInterval = purgeInterval != null ? purgeInterval : Duration.ofHours(1);
    }
}
