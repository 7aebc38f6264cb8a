package io.haat.gateway.web;

import java.net.InetSocketAddress;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who the client is and how it reached us: its address, the scheme and the host it asked for. The gateway's
 * rate limits and access log use it, and the services get it as {@code X-Forwarded-*} / {@code Forwarded}.
 *
 * <p>Directly exposed (no trusted proxies), it is the TCP connection and nothing a client sends changes it.
 * Behind trusted proxies, {@code X-Forwarded-For} is read right to left and the first address that is not a
 * trusted proxy is the client (what a client put in front of the list itself is never reached); the scheme
 * and host are the ones the nearest proxy reports.
 */
public record ClientConnection(String address, String proto, String host) {

    /** Exchange attribute holding the connection, resolved once per request by {@link ClientConnectionFilter}. */
    public static final String ATTRIBUTE = ClientConnection.class.getName();

    private static final String UNKNOWN = "unknown";

    /** The connection of this exchange (resolved without trusted proxies if the filter did not run). */
    public static ClientConnection of(ServerWebExchange exchange) {
        ClientConnection connection = exchange.getAttribute(ATTRIBUTE);
        return connection != null ? connection : resolve(exchange.getRequest(), TrustedProxies.parse(""));
    }

    static ClientConnection resolve(ServerHttpRequest request, TrustedProxies trusted) {
        String peer = peer(request);
        String proto = request.getURI().getScheme() != null ? request.getURI().getScheme() : "http";
        String host = request.getHeaders().getFirst(HttpHeaders.HOST);
        if (host == null) {
            host = request.getURI().getRawAuthority();
        }
        if (trusted.isEmpty() || !trusted.contains(peer)) {
            return new ClientConnection(peer, proto, host);
        }
        String client = peer;
        List<String> chain = values(request.getHeaders(), "X-Forwarded-For");
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = chain.get(i);
            if (TrustedProxies.literal(hop) == null) {
                break; // garbage in the list: stop at the last hop we could vouch for
            }
            client = TrustedProxies.literal(hop).getHostAddress();
            if (!trusted.contains(hop)) {
                break;
            }
        }
        return new ClientConnection(client, last(request.getHeaders(), "X-Forwarded-Proto", proto),
                last(request.getHeaders(), "X-Forwarded-Host", host));
    }

    private static String peer(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return UNKNOWN;
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    private static List<String> values(HttpHeaders headers, String name) {
        List<String> raw = headers.getValuesAsList(name);
        return raw.stream().map(String::strip).filter(value -> !value.isEmpty()).toList();
    }

    // the value the nearest proxy added (a list is appended to left to right)
    private static String last(HttpHeaders headers, String name, String otherwise) {
        List<String> values = values(headers, name);
        return values.isEmpty() ? otherwise : values.getLast();
    }
}
