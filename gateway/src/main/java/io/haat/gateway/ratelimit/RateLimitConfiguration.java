package io.haat.gateway.ratelimit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The rate limiter: in-memory per replica by default ({@code haat.gateway.rate-limiter=memory}). With
 * {@code haat.gateway.rate-limiter=redis} and Spring Data Redis Reactive on the classpath, Spring
 * Cloud Gateway's {@code RedisRateLimiter} is used instead (see README).
 */
@Configuration(proxyBeanMethods = false)
public class RateLimitConfiguration {

    @Bean
    @Primary
    @ConditionalOnProperty(name = "haat.gateway.rate-limiter", havingValue = "memory", matchIfMissing = true)
    TokenBucketRateLimiter tokenBucketRateLimiter(RateLimitProperties properties) {
        return new TokenBucketRateLimiter(properties);
    }

    @Bean
    RateLimitFilter rateLimitFilter(RateLimiter<?> limiter) {
        return new RateLimitFilter(limiter);
    }
}
