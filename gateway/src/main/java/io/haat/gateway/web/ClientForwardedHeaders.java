package io.haat.gateway.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the services who the client is: {@code X-Forwarded-For} (one address: the client's), {@code -Proto},
 * {@code -Host}, {@code -Port} and the same as RFC 7239 {@code Forwarded}, all from the {@link ClientConnection}.
 * Whatever {@code Forwarded}/{@code X-Forwarded-*} the request arrived with is dropped first, so a client can
 * never choose the address a service sees. The services believe these headers from the gateway only
 * ({@code haat.web.trusted-proxies}).
 */
@Component
public class ClientForwardedHeaders implements HttpHeadersFilter, Ordered {

    static final String X_FORWARDED_PREFIX = "x-forwarded-";
    static final String FORWARDED = "Forwarded";

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        ClientConnection client = ClientConnection.of(exchange);
        HttpHeaders headers = new HttpHeaders();
        input.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.startsWith(X_FORWARDED_PREFIX) && !lower.equals("forwarded")) {
                headers.addAll(name, values);
            }
        });
        headers.set("X-Forwarded-For", client.address());
        headers.set("X-Forwarded-Proto", client.proto());
        StringBuilder forwarded = new StringBuilder("for=").append(node(client.address()))
                .append(";proto=").append(client.proto());
        if (client.host() != null) {
            headers.set("X-Forwarded-Host", client.host());
            headers.set("X-Forwarded-Port", Integer.toString(port(client.host(), client.proto())));
            forwarded.append(";host=\"").append(client.host().replace("\"", "")).append('"');
        }
        headers.set(FORWARDED, forwarded.toString());
        if (isWebSocketUpgrade(exchange) && !headers.containsHeader(HttpHeaders.ORIGIN) && client.host() != null) {
            // A client without an Origin (an app, not a browser) is same-origin by definition. Say so: otherwise
            // the gateway's WebSocket client invents one from the service's own address, which the service, now
            // seeing the public host in X-Forwarded-Host, takes for a foreign origin and refuses (403).
            headers.setOrigin(client.proto() + "://" + client.host());
        }
        return headers;
    }

    @Override
    public int getOrder() {
        // after Spring Cloud Gateway's own forwarded-header filters (order 0), before ForwardedPrefix
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

    private static boolean isWebSocketUpgrade(ServerWebExchange exchange) {
        return "websocket".equalsIgnoreCase(exchange.getRequest().getHeaders().getUpgrade());
    }

    // RFC 7239: an IPv6 node is bracketed and quoted
    private static String node(String address) {
        InetAddress literal = TrustedProxies.literal(address);
        return literal instanceof Inet6Address ? "\"[" + literal.getHostAddress() + "]\"" : address;
    }

    private static int port(String host, String proto) {
        int colon = host.lastIndexOf(':');
        if (colon > 0 && colon > host.lastIndexOf(']')) {
            try {
                return Integer.parseInt(host.substring(colon + 1));
            } catch (NumberFormatException e) {
                // not a port: fall through to the scheme's default
            }
        }
        return "https".equalsIgnoreCase(proto) ? 443 : 80;
    }
}
