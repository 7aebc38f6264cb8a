package io.haat.gateway.security;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Browsers cannot set headers on {@code EventSource} or {@code WebSocket}: on the live-update
 * endpoints only, an {@code access_token} query parameter is moved into the {@code Authorization}
 * header before security sees the request. The service then receives a standard bearer header and
 * the token is not left in the URL (nor in any access log).
 */
@Component
public class QueryTokenPromotion implements WebFilter, Ordered {

    static final String PARAMETER = "access_token";

    private static final List<PathPattern> LIVE_ENDPOINTS = List.of(
            PathPatternParser.defaultInstance.parse("/api/v1/stream"),
            PathPatternParser.defaultInstance.parse("/api/v1/admin/alerts/stream"),
            PathPatternParser.defaultInstance.parse("/ws/**"));

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20; // before Spring Security's filter chain
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        MultiValueMap<String, String> query = request.getQueryParams();
        if (!query.containsKey(PARAMETER) || !isLiveEndpoint(request)) {
            return chain.filter(exchange);
        }
        String token = query.getFirst(PARAMETER);
        ServerHttpRequest promoted = request.mutate()
                .uri(UriComponentsBuilder.fromUri(request.getURI()).replaceQueryParam(PARAMETER).build(true).toUri())
                .headers(headers -> {
                    if (token != null && !token.isBlank() && !headers.containsHeader(HttpHeaders.AUTHORIZATION)) {
                        headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + token);
                    }
                })
                .build();
        return chain.filter(exchange.mutate().request(promoted).build());
    }

    private static boolean isLiveEndpoint(ServerHttpRequest request) {
        PathContainer path = request.getPath().pathWithinApplication();
        return LIVE_ENDPOINTS.stream().anyMatch(pattern -> pattern.matches(path));
    }
}
