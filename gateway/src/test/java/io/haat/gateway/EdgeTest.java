package io.haat.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.gateway.routing.RouteTable;
import io.haat.gateway.support.GatewayIntegrationTest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(OutputCaptureExtension.class)
class EdgeTest extends GatewayIntegrationTest {

    @Test
    void loginHammeredFromOneAddressIsLimitedWith429AndRetryAfter() {
        String ip = freshIp();
        for (int i = 0; i < 3; i++) {
            client.post().uri("/api/v1/auth/login").header("X-Forwarded-For", ip)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange().expectStatus().isOk();
        }

        client.post().uri("/api/v1/auth/login").header("X-Forwarded-For", ip)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                // the test's auth limit refills one token per 100 s: the wait is what is left of those 100 s
                .expectHeader().value(HttpHeaders.RETRY_AFTER, value -> assertThat(Long.parseLong(value)).isBetween(50L, 100L))
                .expectBody().jsonPath("$.type").isEqualTo("https://haat.io/problems/too-many-requests");

        // other endpoints (default group) and other clients are not affected
        client.post().uri("/api/v1/auth/refresh").header("X-Forwarded-For", ip)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isOk();
        client.post().uri("/api/v1/auth/login").header("X-Forwarded-For", freshIp())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isOk();
    }

    @Test
    void corsPreflightIsAllowedForAConfiguredOriginOnly() {
        client.options().uri("/api/v1/cart/items")
                .header(HttpHeaders.ORIGIN, "https://shop.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type,idempotency-key,x-cart-token")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://shop.example")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                        value -> assertThat(value.toLowerCase()).contains("x-cart-token"))
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, value -> assertThat(value).contains("POST"));

        client.options().uri("/api/v1/cart/items")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void bodiesOverTheLimitAre413AndBodiesUnderItPass() {
        String token = token("SELLER");
        client.post().uri("/api/v1/products/p-1/images").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(new byte[64 * 1024 + 1])
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://haat.io/problems/payload-too-large");

        client.post().uri("/api/v1/products/p-1/images").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(new byte[60 * 1024])
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.bodyBytes").isEqualTo(60 * 1024);
    }

    @Test
    void chunkedBodiesOverTheLimitAre413() {
        DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
        Flux<DataBuffer> chunks = Flux.range(0, 20).map(i -> buffers.wrap(new byte[8 * 1024]));

        client.post().uri("/api/v1/products/p-1/images").header(HttpHeaders.AUTHORIZATION, "Bearer " + token("SELLER"))
                .contentType(MediaType.APPLICATION_OCTET_STREAM).body(chunks, DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(413);
    }

    @Test
    @SuppressWarnings("unchecked")
    void swaggerUiListsEveryService() {
        Map<String, Object> config = client.get().uri("/v3/api-docs/swagger-config")
                .exchange().expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();

        List<Map<String, String>> urls = (List<Map<String, String>>) config.get("urls");
        assertThat(urls).extracting(url -> url.get("name")).containsExactlyInAnyOrderElementsOf(RouteTable.SERVICES);
        assertThat(urls).allSatisfy(url -> assertThat(url.get("url")).isEqualTo("/api/v1/" + url.get("name") + "/v3/api-docs"));
        client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyRequestWritesOneJsonAccessLogLineWithoutSecrets(CapturedOutput output) {
        String token = token("CUSTOMER");
        String requestId = "access-log-" + System.nanoTime();
        client.post().uri("/api/v1/cart/items?secret=hunter2").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header("X-Request-Id", requestId).header("X-Forwarded-For", "203.0.113.9")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"password\":\"hunter2\"}")
                .exchange().expectStatus().isOk();

        AtomicReference<Map<String, Object>> line = new AtomicReference<>();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            List<String> lines = output.getOut().lines().filter(l -> l.contains(requestId)).toList();
            assertThat(lines).hasSize(1);
            line.set(JsonMapper.shared().readValue(lines.getFirst(), Map.class));
        });
        Map<String, Object> entry = line.get();
        assertThat((Map<String, Object>) entry.get("log")).containsEntry("logger", "haat.access");
        assertThat(entry).containsEntry("method", "POST")
                .containsEntry("path", "/api/v1/cart/items")
                .containsEntry("status", 200)
                .containsEntry("clientIp", "203.0.113.9")
                .containsEntry("requestId", requestId)
                .containsKey("latencyMs")
                .containsKey("userId");
        assertThat(entry.get("userId")).isNotNull();
        assertThat(output.getOut()).doesNotContain("hunter2").doesNotContain(token);
    }

    @Test
    void webSocketUpgradeThroughWsReachesTheService() {
        ReactorNettyWebSocketClient ws = new ReactorNettyWebSocketClient();
        AtomicReference<String> reply = new AtomicReference<>();

        ws.execute(URI.create("ws://127.0.0.1:" + port + "/ws"), session -> session
                        .send(Mono.just(session.textMessage("hello")))
                        .thenMany(session.receive().map(WebSocketMessage::getPayloadAsText).take(1))
                        .doOnNext(reply::set)
                        .then())
                .block(Duration.ofSeconds(10));

        assertThat(reply.get()).isEqualTo("echo:hello");
    }

    @Test
    void aWebSocketWithoutOriginReachesTheServiceAsSameOriginAndABrowsersOriginIsKept() {
        assertThat(originSeenByService(new HttpHeaders())).isEqualTo("origin:http://127.0.0.1:" + port);

        HttpHeaders browser = new HttpHeaders();
        browser.setOrigin("https://shop.example");
        assertThat(originSeenByService(browser)).isEqualTo("origin:https://shop.example");
    }

    private String originSeenByService(HttpHeaders headers) {
        AtomicReference<String> reply = new AtomicReference<>();
        new ReactorNettyWebSocketClient().execute(URI.create("ws://127.0.0.1:" + port + "/ws"), headers, session -> session
                        .send(Mono.just(session.textMessage("origin?")))
                        .thenMany(session.receive().map(WebSocketMessage::getPayloadAsText).take(1))
                        .doOnNext(reply::set)
                        .then())
                .block(Duration.ofSeconds(10));
        return reply.get();
    }

}
