package io.haat.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.gateway.support.BackendStubs.Received;
import io.haat.gateway.support.GatewayIntegrationTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a service learns about the client: X-Forwarded-For/-Proto/-Host/-Port and Forwarded, set by the gateway
 * from the connection and never copied from what the client sent. This context trusts 127.0.0.1 as an ingress
 * in front of the gateway; a client on 127.0.0.2 is a client connecting directly.
 */
class ForwardedHeadersTest extends GatewayIntegrationTest {

    @Test
    void aDirectClientIsItsConnectionWhateverForwardedHeadersItSends() throws IOException {
        String requestId = UUID.randomUUID().toString();
        send("127.0.0.2", Map.of("X-Request-Id", requestId, "X-Forwarded-For", "6.6.6.6",
                "Forwarded", "for=6.6.6.6;proto=https", "X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https"));

        Map<String, String> seen = receivedWith(requestId);
        assertThat(seen.get("x-forwarded-for")).isEqualTo("127.0.0.2");
        assertThat(seen.get("x-forwarded-proto")).isEqualTo("http");
        assertThat(seen.get("x-forwarded-host")).isEqualTo("localhost:" + port);
        assertThat(seen.get("x-forwarded-port")).isEqualTo(Integer.toString(port));
        assertThat(seen.get("x-forwarded-prefix")).isEqualTo("/api/v1");
        assertThat(seen.get("forwarded")).isEqualTo("for=127.0.0.2;proto=http;host=\"localhost:" + port + "\"");
        assertThat(String.join(" ", seen.values())).doesNotContain("6.6.6.6").doesNotContain("evil.example");
    }

    @Test
    void behindTheTrustedIngressTheClientItSawIsPassedOnAloneAndAPrependedAddressIsNot() throws IOException {
        String requestId = UUID.randomUUID().toString();
        send("127.0.0.1", Map.of("X-Request-Id", requestId, "X-Forwarded-For", "6.6.6.6, 203.0.113.9",
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "shop.example"));

        Map<String, String> seen = receivedWith(requestId);
        assertThat(seen.get("x-forwarded-for")).isEqualTo("203.0.113.9");
        assertThat(seen.get("x-forwarded-proto")).isEqualTo("https");
        assertThat(seen.get("x-forwarded-host")).isEqualTo("shop.example");
        assertThat(seen.get("x-forwarded-port")).isEqualTo("443");
        assertThat(seen.get("forwarded")).isEqualTo("for=203.0.113.9;proto=https;host=\"shop.example\"");
    }

    private Map<String, String> receivedWith(String requestId) {
        return stubs().received("GET", "/categories").stream().map(Received::headers)
                .filter(headers -> requestId.equals(headers.get("x-request-id")))
                .findFirst().orElseThrow(() -> new AssertionError("the service never got request " + requestId));
    }

    /** GET /api/v1/categories over a socket bound to {@code from} (the JDK HttpClient cannot bind one). */
    private void send(String from, Map<String, String> headers) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(20_000);
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5_000);
            StringBuilder request = new StringBuilder("GET /api/v1/categories HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nConnection: close\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 200");
        }
    }
}
