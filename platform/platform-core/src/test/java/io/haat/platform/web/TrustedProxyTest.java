package io.haat.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.haat.platform.web.testapp.PlatformWebIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The client address behind a proxy: X-Forwarded-For (and -Proto/-Host) are believed from a trusted proxy
 * ({@code haat.web.trusted-proxies=127.0.0.1} here) and ignored from anyone else, who stays their TCP peer.
 * Two callers with different addresses on one machine: sockets bound to 127.0.0.1 and 127.0.0.2.
 */
class TrustedProxyTest extends PlatformWebIntegrationTest {

    @Test
    void forwardedHeadersFromTheTrustedProxyNameTheClient() throws IOException {
        JsonNode seen = client("127.0.0.1", Map.of("X-Forwarded-For", "203.0.113.7",
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "shop.example.com"));

        assertThat(seen.get("address").asString()).isEqualTo("203.0.113.7");
        assertThat(seen.get("scheme").asString()).isEqualTo("https");
        assertThat(seen.get("host").asString()).isEqualTo("shop.example.com");
    }

    @Test
    void theTrustedProxyItselfIsSkippedInAChain() throws IOException {
        JsonNode seen = client("127.0.0.1", Map.of("X-Forwarded-For", "198.51.100.9, 203.0.113.7, 127.0.0.1"));

        // right to left, the first address that is not a trusted proxy: the one the proxy saw
        assertThat(seen.get("address").asString()).isEqualTo("203.0.113.7");
    }

    @Test
    void forwardedHeadersFromAnyoneElseAreIgnored() throws IOException {
        JsonNode seen = client("127.0.0.2", Map.of("X-Forwarded-For", "203.0.113.7",
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "shop.example.com"));

        assertThat(seen.get("address").asString()).isEqualTo("127.0.0.2");
        assertThat(seen.get("scheme").asString()).isEqualTo("http");
        assertThat(seen.get("host").asString()).isNotEqualTo("shop.example.com");
    }

    @Test
    void withoutForwardedHeadersTheClientIsTheTcpPeer() throws IOException {
        assertThat(client("127.0.0.2", Map.of()).get("address").asString()).isEqualTo("127.0.0.2");
        assertThat(client("127.0.0.1", Map.of()).get("address").asString()).isEqualTo("127.0.0.1");
    }

    /** GET /test/public/client over a socket bound to {@code from} (the JDK HttpClient cannot bind one). */
    private JsonNode client(String from, Map<String, String> headers) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(30_000);
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            StringBuilder request = new StringBuilder("GET /test/public/client HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nAccept: application/json\r\nConnection: close\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 200");
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            if (response.toLowerCase().contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return JSON.readTree(body);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
