package io.haat.gateway.web;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id}: the client's when it is a sane value (at most 128
 * characters of letters, digits and {@code . _ : -}), a fresh UUID otherwise. The id is passed to the
 * service, returned in the response and written in the access log.
 */
@Component
public class RequestIdFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";
    /** Exchange attribute holding the request id. */
    public static final String REQUEST_ID_ATTRIBUTE = RequestIdFilter.class.getName() + ".requestId";

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = sanitize(exchange.getRequest().getHeaders().getFirst(HEADER));
        exchange.getAttributes().put(REQUEST_ID_ATTRIBUTE, requestId);
        ServerHttpRequest request = exchange.getRequest().mutate()
                .headers(headers -> headers.set(HEADER, requestId))
                .build();
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(HEADER, requestId);
            return Mono.empty();
        });
        return chain.filter(exchange.mutate().request(request).build());
    }

    static String sanitize(String candidate) {
        return candidate != null && SAFE_ID.matcher(candidate).matches() ? candidate : freshId();
    }

    /**
     * A random (version 4) UUID from the thread's own generator: a request id correlates log lines and is no secret,
     * and {@link UUID#randomUUID()} draws from the JVM-wide {@code SecureRandom} on every request.
     */
    static String freshId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = random.nextLong() & ~0xF000L | 0x4000L;
        long least = random.nextLong() & ~(0xCL << 60) | (0x8L << 60);
        return new UUID(most, least).toString();
    }
}
