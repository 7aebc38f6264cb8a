package io.haat.gateway.support;

import io.haat.gateway.routing.RouteTable;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tiny stand-ins for the services, one HTTP server per service (once per JVM). Each records what it
 * receives and echoes it back as JSON. Conventions: a path ending in {@code /status/<code>} answers that
 * status, one ending in {@code /slow} answers after {@link #SLOW}, one ending in {@code /pause} after {@link #PAUSE}, {@code /stream} is an SSE stream that
 * starts after {@link #STREAM_START}, {@code /v3/api-docs} is an OpenAPI document and {@code /ws} a WebSocket echo (that answers
 * {@code origin?} with the {@code Origin} it was opened with).
 * Both delays are far from the gateway's response timeout in the tests ({@link GatewayIntegrationTest#RESPONSE_TIMEOUT}),
 * so a busy machine cannot turn a cut-off into an answer or the other way round.
 * payment-service is deliberately down (its port refuses connections).
 */
public final class BackendStubs {

    /** Far beyond the response timeout, and yet within the test client's own timeout: a gateway that does not cut the call off answers 200 and fails the test. */
    public static final Duration SLOW = Duration.ofSeconds(15);
    /** Twice the response timeout: a stream that were cut off like a plain call would be cut before its first event. */
    public static final Duration STREAM_START = Duration.ofSeconds(4);
    /** Well within the response timeout, long enough for a burst of calls to be in flight together. */
    public static final Duration PAUSE = Duration.ofMillis(800);
    public static final String DOWN_SERVICE = RouteTable.PAYMENT;

    private static final Pattern STATUS = Pattern.compile(".*/status/(\\d{3})$");
    private static final BackendStubs INSTANCE = new BackendStubs();

    /** What a stub received. */
    public record Received(String service, String method, String path, String query,
            Map<String, String> headers, int bodyBytes) {
    }

    private final Map<String, DisposableServer> servers = new LinkedHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final int closedPort;

    private BackendStubs() {
        for (String service : RouteTable.SERVICES) {
            if (!service.equals(DOWN_SERVICE)) {
                servers.put(service, HttpServer.create()
                        .host("127.0.0.1")
                        .port(0)
                        .route(routes -> routes
                                .ws("/ws", (in, out) -> out.sendString(in.receive().asString().map(text -> text.equals("origin?")
                                        ? "origin:" + in.headers().get("Origin") : "echo:" + text)))
                                .route(request -> true, (request, response) -> answer(service, request, response)))
                        .bindNow());
            }
        }
        closedPort = freePort();
    }

    public static BackendStubs get() {
        return INSTANCE;
    }

    /** The base URI to configure for a service. */
    public String uriOf(String service) {
        DisposableServer server = servers.get(service);
        return "http://127.0.0.1:" + (server != null ? server.port() : closedPort);
    }

    /** Requests received so far with this method and path (as the service saw it). */
    public List<Received> received(String method, String path) {
        return received.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    private Mono<Void> answer(String service, HttpServerRequest request, HttpServerResponse response) {
        return request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0]).flatMap(body -> {
            String uri = request.uri();
            int q = uri.indexOf('?');
            String path = q < 0 ? uri : uri.substring(0, q);
            String query = q < 0 ? null : uri.substring(q + 1);
            Map<String, String> headers = new LinkedHashMap<>();
            request.requestHeaders().forEach(header -> headers.merge(header.getKey().toLowerCase(), header.getValue(),
                    (a, b) -> a + "," + b));
            received.add(new Received(service, request.method().name(), path, query, headers, body.length));

            if (path.equals("/stream")) {
                return response.header("Content-Type", "text/event-stream")
                        .sendString(Flux.just("data: one\n\n", "data: two\n\n").delaySubscription(STREAM_START)).then();
            }
            Map<String, Object> echo = new LinkedHashMap<>();
            if (path.equals("/v3/api-docs")) {
                echo.put("openapi", "3.1.0");
                echo.put("info", Map.of("title", service, "version", "test"));
            }
            echo.put("service", service);
            echo.put("method", request.method().name());
            echo.put("path", path);
            echo.put("query", query);
            echo.put("authorization", headers.get("authorization"));
            echo.put("requestId", headers.get("x-request-id"));
            echo.put("forwardedPrefix", headers.get("x-forwarded-prefix"));
            echo.put("bodyBytes", body.length);
            Matcher status = STATUS.matcher(path);
            Mono<String> json = Mono.just(JsonMapper.shared().writeValueAsString(echo));
            return response.status(status.matches() ? Integer.parseInt(status.group(1)) : 200)
                    .header("Content-Type", "application/json")
                    .sendString(path.endsWith("/slow") ? json.delayElement(SLOW)
                            : path.endsWith("/pause") ? json.delayElement(PAUSE) : json)
                    .then();
        });
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
