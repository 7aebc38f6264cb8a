package io.haat.gateway.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One access-log line per request on the {@code haat.access} logger, as structured key/value pairs
 * (one JSON line with structured console logging): method, path, status, latency, user (JWT
 * {@code sub}) or null, client IP and request id. The query string is never logged (it may carry
 * provider tokens), nor any header or body.
 */
@Component
public class AccessLogFilter implements WebFilter, Ordered {

    /** Exchange attribute holding the authenticated user's id ({@code sub}), set by security. */
    public static final String USER_ID_ATTRIBUTE = AccessLogFilter.class.getName() + ".userId";

    private static final Logger access = LoggerFactory.getLogger("haat.access");

    private final ProblemErrorHandler errors;

    public AccessLogFilter(ProblemErrorHandler errors) {
        this.errors = errors;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1; // right after RequestIdFilter
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long start = System.nanoTime();
        // Errors are rendered here rather than after the filter chain, so the logged status is final.
        return chain.filter(exchange)
                .onErrorResume(error -> errors.handle(exchange, error))
                .doFinally(signal -> log(exchange, (System.nanoTime() - start) / 1_000_000));
    }

    private static void log(ServerWebExchange exchange, long latencyMs) {
        if (!access.isInfoEnabled()) {
            return;
        }
        ServerHttpRequest request = exchange.getRequest();
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        int code = status != null ? status.value() : 200;
        String method = request.getMethod().name();
        String path = request.getPath().value();
        String userId = exchange.getAttribute(USER_ID_ATTRIBUTE);
        String requestId = exchange.getAttribute(RequestIdFilter.REQUEST_ID_ATTRIBUTE);
        access.atInfo()
                .addKeyValue("method", method)
                .addKeyValue("path", path)
                .addKeyValue("status", code)
                .addKeyValue("latencyMs", latencyMs)
                .addKeyValue("userId", (Object) userId)
                .addKeyValue("clientIp", ClientAddress.of(exchange))
                .addKeyValue("requestId", (Object) requestId)
                .log("{} {} {} {}ms", method, path, code, latencyMs);
    }
}
