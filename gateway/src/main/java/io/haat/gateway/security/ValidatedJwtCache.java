package io.haat.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers, for a short while, the tokens the real decoder has fully validated (signature, issuer, audience,
 * expiry): a client sends the same access token with every request, and verifying its RSA signature and parsing its
 * claims again was about a sixth of the gateway's work on an authenticated route (GatewayOverheadBenchmarkTest's
 * profile). Only a byte-identical token hits; a remembered token is served only before its {@code exp} (stricter than
 * the validator's clock skew: after that the real decoder decides) and for at most {@link #MAX_AGE}, so a key removed
 * from Keycloak's JWKS stops being honoured within that time; failures are never remembered.
 */
public final class ValidatedJwtCache implements ReactiveJwtDecoder {

    static final Duration MAX_AGE = Duration.ofSeconds(60);
    static final int MAX_TOKENS = 10_000;

    private final ReactiveJwtDecoder delegate;
    private final Clock clock;
    private final Cache<String, Jwt> validated;

    ValidatedJwtCache(ReactiveJwtDecoder delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        this.validated = Caffeine.newBuilder()
                .maximumSize(MAX_TOKENS)
                .expireAfterWrite(MAX_AGE)
                .ticker(() -> clock.millis() * 1_000_000L)
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = validated.getIfPresent(token);
        if (known != null && unexpired(known)) {
            return Mono.just(known);
        }
        return delegate.decode(token).doOnNext(jwt -> {
            if (unexpired(jwt)) {
                validated.put(token, jwt);
            }
        });
    }

    private boolean unexpired(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && clock.instant().isBefore(expiresAt);
    }

    /** Wraps the application's JWT decoder (Spring Boot's, built from {@code spring.security.oauth2.resourceserver.jwt.*}). */
    static BeanPostProcessor wrapper() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof ValidatedJwtCache)
                        ? new ValidatedJwtCache(decoder, Clock.systemUTC()) : bean;
            }
        };
    }
}
