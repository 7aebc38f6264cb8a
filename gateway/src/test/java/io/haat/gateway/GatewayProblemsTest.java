package io.haat.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.gateway.support.GatewayIntegrationTest;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/** Every 4xx the gateway answers itself is an RFC 9457 problem with a title and a useful detail, never an empty body. */
class GatewayProblemsTest extends GatewayIntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/orders/%2e%2e/admin/orders", "/api/v1/orders/%2E%2E%2Fadmin", "/api/v1/orders/a%2Fb",
            "/api/v1/products/a;x=1", "/api/v1/products/%252e%252e", "/api/v1/products/a%5Cb", "/api/v1/products//p-1",
            "/api/v1/%2e%2e/actuator/prometheus", "/api/v1/products/%00"})
    void aPathTheFirewallRefusesIsA400Problem(String path) {
        for (String token : new String[] {null, token("CUSTOMER")}) {
            Map<String, Object> problem = expectProblem(client.get().uri(URI.create("http://127.0.0.1:" + port + path))
                    .headers(headers -> {
                        if (token != null) {
                            headers.setBearerAuth(token);
                        }
                    }), 400, "bad-request");
            assertThat(problem.get("detail").toString()).contains("path").doesNotContain(path);
        }
    }

    @Test
    void aMethodTheFirewallRefusesIsA400Problem() {
        expectProblem(client.method(HttpMethod.valueOf("TRACE")).uri("/api/v1/products"), 400, "bad-request");
    }

    @Test
    void aCrossOriginRequestFromAnUnknownOriginIsA403Problem() {
        expectProblem(client.get().uri("/api/v1/products").header(HttpHeaders.ORIGIN, "https://evil.example"),
                403, "forbidden");
        expectProblem(client.options().uri("/api/v1/cart/items").header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST"), 403, "forbidden");
    }

    @Test
    void aMethodTheGatewayDoesNotServeIsA405Problem() {
        expectProblem(client.post().uri("/actuator/health/liveness").headers(h -> h.setBearerAuth(token("ADMIN")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}"), 405, "method-not-allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/products/{x}", "/api/v1/products/[]", "/api/v1/products/%ZZ", "/api/v1/orders/a|b",
            "/api/v1/search?q=%u0000", "/api/v1/products/a^b", "/api/v1/orders?x[]=1", "/api/v1/products/%C3%28",
            "/api/v1/search?q=a|b"})
    void aRequestLineThatIsNoUriIsA400Problem(String target) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 400");
            assertThat(response.toLowerCase()).contains("content-type: application/problem+json");
            Map<String, Object> problem = JsonMapper.shared().readValue(response.substring(response.indexOf("\r\n\r\n") + 4),
                    Map.class);
            assertThat(problem).containsEntry("type", "https://haat.io/problems/bad-request").containsEntry("status", 400);
            assertThat(problem.get("detail").toString()).contains("malformed");
        }
    }

    /**
     * Netty's HTTP codec refuses a request line over 4 KB, headers over 8 KB and a header it cannot parse before Spring
     * sees the request; the gateway still answers them as problems (414, 431, 400), not with an empty body.
     */
    @ParameterizedTest
    @ValueSource(strings = {"line:414:uri-too-long", "header:431:request-header-fields-too-large",
            "headers:431:request-header-fields-too-large", "bad-header:400:bad-request", "version:400:bad-request"})
    void aRequestNettysCodecRefusesIsAProblemToo(String kase) throws Exception {
        String[] parts = kase.split(":");
        String host = "Host: 127.0.0.1:" + port + "\r\n";
        String request = switch (parts[0]) {
            case "line" -> "GET /api/v1/search?q=" + "a".repeat(5000) + " HTTP/1.1\r\n" + host;
            case "header" -> "GET /api/v1/products HTTP/1.1\r\n" + host + "X-Big: " + "b".repeat(9000) + "\r\n";
            case "headers" -> "GET /api/v1/products HTTP/1.1\r\n" + host
                    + ("X-Many: " + "c".repeat(90) + "\r\n").repeat(100);
            case "bad-header" -> "GET /api/v1/products HTTP/1.1\r\n" + host + "Bad Header: x\r\n";
            default -> "GET /api/v1/products HTTP/9.Z\r\n" + host;
        };
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((request + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).as(kase).startsWith("HTTP/1.1 " + parts[1]);
            assertThat(response.toLowerCase()).contains("content-type: application/problem+json");
            Map<String, Object> problem = JsonMapper.shared().readValue(response.substring(response.indexOf("\r\n\r\n") + 4),
                    Map.class);
            assertThat(problem).containsEntry("type", "https://haat.io/problems/" + parts[2])
                    .containsEntry("status", Integer.parseInt(parts[1]));
            assertThat(problem.get("title").toString()).isNotBlank();
            assertThat(problem.get("detail").toString()).isNotBlank().doesNotContain("Exception").doesNotContain("aaaa");
        }
    }

    private Map<String, Object> expectProblem(WebTestClient.RequestHeadersSpec<?> request, int status, String slug) {
        Map<String, Object> problem = request.exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON).returnResult().getResponseBody();
        assertThat(problem).isNotNull();
        assertThat(problem.get("type")).isEqualTo("https://haat.io/problems/" + slug);
        assertThat(problem.get("status")).isEqualTo(status);
        assertThat(problem.get("title").toString()).isNotBlank();
        assertThat(problem.get("detail").toString()).isNotBlank().doesNotContain("Exception");
        return problem;
    }
}
