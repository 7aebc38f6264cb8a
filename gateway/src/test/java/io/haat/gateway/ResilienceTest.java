package io.haat.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.gateway.support.BackendStubs.Received;
import io.haat.gateway.support.GatewayIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    /**
     * A burst of more calls at once than Resilience4j's default bulkhead lets through (25 per service): every one
     * reaches the service and gets its answer, none is refused by the gateway (it answered 500 and then opened the
     * circuit before the bulkhead was switched off).
     */
    @Test
    void aBurstOfConcurrentCallsAllReachTheService() throws Exception {
        String token = token("CUSTOMER");
        String path = "/orders/burst-" + UUID.randomUUID() + "/pause";
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1" + path))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).header("X-Forwarded-For", freshIp())
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).timeout(Duration.ofSeconds(30)).build();
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 40; i++) {
                statuses.add(clients.submit(() -> http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()));
            }
        }
        for (Future<Integer> status : statuses) {
            assertThat(status.get()).isEqualTo(200);
        }
        assertThat(stubs().received("POST", path)).hasSize(40);
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
