package io.haat.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class ValidatedJwtCacheTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-12-02T12:00:00Z"));
    private final AtomicInteger decoded = new AtomicInteger();
    private Instant expiresAt = clock.instant().plus(Duration.ofMinutes(5));
    private final ReactiveJwtDecoder real = token -> {
        decoded.incrementAndGet();
        if (token.startsWith("bad")) {
            return Mono.error(new BadJwtException("bad signature"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("u1")
                .issuedAt(expiresAt.minus(Duration.ofMinutes(10))).expiresAt(expiresAt).build());
    };
    private final ValidatedJwtCache cache = new ValidatedJwtCache(real, clock);

    @Test
    void aValidatedTokenIsNotVerifiedAgain() {
        Jwt first = cache.decode("t1").block();
        Jwt second = cache.decode("t1").block();

        assertThat(second).isSameAs(first);
        assertThat(decoded).hasValue(1);
        cache.decode("t2").block();
        assertThat(decoded).hasValue(2);
    }

    @Test
    void aRememberedTokenIsVerifiedAgainOnceExpiredOrAfterAMinute() {
        cache.decode("t1").block();
        clock.advance(ValidatedJwtCache.MAX_AGE.plusSeconds(1));
        cache.decode("t1").block();
        assertThat(decoded).hasValue(2);

        expiresAt = clock.instant().plusSeconds(10);
        cache.decode("short").block();
        clock.advance(Duration.ofSeconds(10));
        cache.decode("short").block();
        assertThat(decoded).hasValue(4);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        assertThatThrownBy(() -> cache.decode("bad").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("bad").block()).isInstanceOf(BadJwtException.class);
        assertThat(decoded).hasValue(2);
    }

    private static final class TestClock extends Clock {

        private Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
