package io.haat.platform.feign;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code haat.feign.*}: retries of idempotent calls ({@code retry.max-attempts} counting the first,
 * {@code retry.period} doubling up to {@code retry.max-period}). Timeouts are Spring Cloud OpenFeign's
 * {@code spring.cloud.openfeign.client.config.default.connect-timeout} / {@code read-timeout}.
 */
@ConfigurationProperties("haat.feign")
public record HaatFeignProperties(Retry retry) {

    public HaatFeignProperties {
        retry = retry != null ? retry : new Retry(null, null, null);
    }

    public record Retry(Integer maxAttempts, Duration period, Duration maxPeriod) {

        public Retry {
            maxAttempts = maxAttempts != null ? maxAttempts : 3;
            period = period != null ? period : Duration.ofMillis(100);
            maxPeriod = maxPeriod != null ? maxPeriod : Duration.ofSeconds(1);
        }
    }
}
