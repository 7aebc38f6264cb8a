package io.haat.gateway.routing;

import java.util.Arrays;
import java.util.List;

/**
 * One entry of the route table: the public paths (under {@code /api/v1}, written without it) that one
 * service answers, how they are proxied and which rate-limit group they count against.
 */
public record ServiceRoute(
        String id, String service, List<String> paths, Kind kind, String rateLimitGroup, boolean overriding) {

    /** Gateway prefix every REST path is published under and stripped from before proxying. */
    public static final String API_PREFIX = "/api/v1";

    public static final String DEFAULT_GROUP = "default";

    /** How a route is proxied. */
    public enum Kind {
        /** Request/response: response timeout, circuit breaker, GET retried. */
        REST,
        /** Server-sent events: unbuffered, no response timeout, no retry, no circuit breaker. */
        STREAM,
        /** WebSocket (and SockJS fallbacks) under {@code /ws}: not prefixed, long-lived. */
        WEBSOCKET,
        /** A service's OpenAPI document at {@code /api/v1/<service>/v3/api-docs}. */
        API_DOCS
    }

    public ServiceRoute {
        paths = List.copyOf(paths);
    }

    static ServiceRoute rest(String id, String service, String... paths) {
        return new ServiceRoute(id, service, Arrays.asList(paths), Kind.REST, DEFAULT_GROUP, false);
    }

    static ServiceRoute stream(String id, String service, String... paths) {
        return new ServiceRoute(id, service, Arrays.asList(paths), Kind.STREAM, DEFAULT_GROUP, false);
    }

    /** Same route, counted against another rate-limit group. */
    ServiceRoute limitedBy(String group) {
        return new ServiceRoute(id, service, paths, kind, group, overriding);
    }

    /**
     * Marks a route whose paths sit under a broader pattern of another route (for example
     * {@code /orders/*}{@code /payments} inside {@code /orders/**}): it is matched first.
     */
    ServiceRoute matchedFirst() {
        return new ServiceRoute(id, service, paths, kind, rateLimitGroup, true);
    }

    /** The patterns as the gateway matches them (with the {@code /api/v1} prefix where it applies). */
    public List<String> gatewayPatterns() {
        return kind == Kind.WEBSOCKET ? paths : paths.stream().map(path -> API_PREFIX + path).toList();
    }

    /** Route order: overriding routes first, then in table order (SCG picks the first match). */
    public int order(int position) {
        return (overriding ? 0 : 1_000) + position;
    }
}
