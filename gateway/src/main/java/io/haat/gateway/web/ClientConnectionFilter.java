package io.haat.gateway.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Resolves the {@link ClientConnection} of every request once, before anything needs it, with the proxies in
 * front of the gateway that {@code haat.gateway.trusted-proxies} names (none by default).
 */
@Component
public class ClientConnectionFilter implements WebFilter, Ordered {

    private final TrustedProxies trusted;

    public ClientConnectionFilter(@Value("${haat.gateway.trusted-proxies:}") String trustedProxies) {
        this.trusted = TrustedProxies.parse(trustedProxies);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getAttributes().put(ClientConnection.ATTRIBUTE, ClientConnection.resolve(exchange.getRequest(), trusted));
        return chain.filter(exchange);
    }
}
