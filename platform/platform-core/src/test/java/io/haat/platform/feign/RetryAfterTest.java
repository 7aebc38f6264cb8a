package io.haat.platform.feign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import feign.Request;
import feign.Response;
import feign.RetryableException;
import tools.jackson.databind.json.JsonMapper;

/** A {@code Retry-After} in seconds becomes the epoch time Feign's retryer waits for, read from the service's clock. */
class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");

    private final ProblemErrorDecoder decoder = new ProblemErrorDecoder(JsonMapper.shared(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void retryAfterSecondsAreCountedFromTheClock() {
        Exception decoded = decoder.decode("Catalog#product", unavailable(Map.of("Retry-After", List.of("7"))));

        assertThat(decoded).isInstanceOf(RetryableException.class);
        assertThat(((RetryableException) decoded).retryAfter()).isEqualTo(NOW.plusSeconds(7).toEpochMilli());
    }

    @Test
    void withoutRetryAfterTheRetryerUsesItsOwnBackoff() {
        Exception decoded = decoder.decode("Catalog#product", unavailable(Map.of()));

        assertThat(((RetryableException) decoded).retryAfter()).isNull();
    }

    @Test
    void aRetryAfterLongerThanTheRetryerMayWaitEndsTheRetriesAtOnceWithTheServicesAnswer() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        RetryableException fiveSeconds = (RetryableException) decoder.decode("Identity#address",
                unavailable(Map.of("Retry-After", List.of("5"))));
        IdempotentMethodRetryer retryer = new IdempotentMethodRetryer(3, 100, 1_000, clock);

        long began = System.nanoTime();
        assertThatThrownBy(() -> retryer.continueOrPropagate(fiveSeconds))
                .isInstanceOf(RemoteServerErrorException.class)
                .satisfies(e -> assertThat(((RemoteServerErrorException) e).status()).isEqualTo(503));
        assertThat(System.nanoTime() - began).as("no wait").isLessThan(500_000_000L);

        // within what it may wait: waited for, then tried again (no exception)
        RetryableException now = (RetryableException) decoder.decode("Identity#address",
                unavailable(Map.of("Retry-After", List.of("0"))));
        retryer.continueOrPropagate(now);
    }

    @Test
    void aCallThatTimedOutIsNotAskedAgainOneThatWasRefusedIs() {
        IdempotentMethodRetryer retryer = new IdempotentMethodRetryer(3, 1, 1_000, Clock.fixed(NOW, ZoneOffset.UTC));
        Request request = unavailable(Map.of()).request();
        // what Feign throws when the connection fails: a read timeout spent the caller's time already
        RetryableException timedOut = new RetryableException(-1, "Read timed out executing GET", Request.HttpMethod.GET,
                new java.net.SocketTimeoutException("Read timed out"), (Long) null, request);
        RetryableException refused = new RetryableException(-1, "Connection refused executing GET",
                Request.HttpMethod.GET, new java.net.ConnectException("Connection refused"), (Long) null, request);

        assertThatThrownBy(() -> retryer.continueOrPropagate(timedOut)).isSameAs(timedOut);
        retryer.continueOrPropagate(refused); // tried again: no exception
    }

    private static Response unavailable(Map<String, Collection<String>> headers) {
        Request request = Request.create(Request.HttpMethod.GET, "http://catalog/products/1", Map.of(), null,
                StandardCharsets.UTF_8, null);
        return Response.builder().status(503).reason("Service Unavailable").request(request).headers(headers).build();
    }
}
