package io.haat.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.gateway.support.BackendStubs.Received;
import io.haat.gateway.support.GatewayIntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.FluxExchangeResult;

class ResilienceTest extends GatewayIntegrationTest {

    @Test
    void aServiceThatIsDownIsA503Problem() {
        String token = token("SELLER");
        for (String path : new String[] {"/api/v1/wallet", "/api/v1/orders/o-1/payments"}) {
            client.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("https://haat.io/problems/service-unavailable")
                    .jsonPath("$.status").isEqualTo(503);
        }
        client.post().uri("/api/v1/payments").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.type").isEqualTo("https://haat.io/problems/service-unavailable");
    }

    @Test
    void getIsRetriedOn503ButPostIsNot() {
        String token = token("CUSTOMER");

        client.get().uri("/api/v1/orders/retry-get/status/503").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isEqualTo(503)
                // the service's own answer is passed through, not replaced
                .expectBody().jsonPath("$.service").isEqualTo("order-service");
        assertThat(stubs().received("GET", "/orders/retry-get/status/503")).hasSize(3);

        client.post().uri("/api/v1/orders/retry-post/status/503").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(503);
        assertThat(stubs().received("POST", "/orders/retry-post/status/503")).hasSize(1);

        client.get().uri("/api/v1/orders/no-retry/status/500").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isEqualTo(500);
        assertThat(stubs().received("GET", "/orders/no-retry/status/500")).hasSize(1);
    }

    /** The stub answers after 15 s, the gateway gives up after 2 s: a gateway that waited would pass the stub's 200 on. */
    @Test
    void aSlowServiceIsCutOffWithA504Problem() {
        client.get().uri("/api/v1/products/p-1/slow")
                .exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://haat.io/problems/gateway-timeout");
    }

    /** The stub's stream starts only after twice the response timeout, so a stream held to it would be a 504. */
    @Test
    void eventStreamsHaveNoResponseTimeoutAndTakeTheTokenFromTheQueryForEventSource() {
        String token = token("CUSTOMER");

        FluxExchangeResult<String> result = client.get().uri("/api/v1/stream?access_token=" + token + "&since=5")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class);

        List<String> events = result.getResponseBody().take(2).collectList().block(Duration.ofSeconds(30));
        assertThat(events).containsExactly("one", "two");
        List<Received> received = stubs().received("GET", "/stream");
        assertThat(received).isNotEmpty();
        Received last = received.getLast();
        assertThat(last.headers()).containsEntry("authorization", "Bearer " + token);
        assertThat(last.query()).isEqualTo("since=5");
    }

    @Test
    void eventStreamsNeedAToken() {
        client.get().uri("/api/v1/stream").accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/v1/admin/alerts/stream?access_token=" + token("CUSTOMER"))
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isForbidden();
    }
}
