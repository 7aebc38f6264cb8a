package io.haat.gateway.web;

import org.springframework.web.server.ServerWebExchange;

/** The client's IP address, as {@link ClientConnection} resolves it: per-client rate limits and the access log. */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(ServerWebExchange exchange) {
        return ClientConnection.of(exchange).address();
    }
}
