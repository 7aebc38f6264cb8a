package io.haat.gateway.ratelimit;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import io.haat.gateway.routing.GatewayRoutesConfiguration;
import io.haat.gateway.routing.ServiceRoute;
import io.haat.gateway.web.AccessLogFilter;
import io.haat.gateway.web.ClientAddress;
import io.haat.gateway.web.Problems;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Applies the rate limiter to every routed request: keyed by the signed-in user (JWT {@code sub}),
 * else by client IP, in the route's group. Over the limit: 429 problem with {@code Retry-After}.
 */
public class RateLimitFilter implements GlobalFilter, Ordered {

    private final RateLimiter<?> limiter;

    public RateLimitFilter(RateLimiter<?> limiter) {
        this.limiter = limiter;
    }

    @Override
    public int getOrder() {
        // before the route filters (circuit breaker, retry) so a refused request never reaches them
        return -50;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        Object group = route != null ? route.getMetadata().get(GatewayRoutesConfiguration.RATE_LIMIT_GROUP_METADATA) : null;
        String userId = exchange.getAttribute(AccessLogFilter.USER_ID_ATTRIBUTE);
        String key = userId != null ? "user:" + userId : "ip:" + ClientAddress.of(exchange);
        return limiter.isAllowed(group != null ? group.toString() : ServiceRoute.DEFAULT_GROUP, key)
                .flatMap(response -> {
                    response.getHeaders().forEach((name, value) -> exchange.getResponse().getHeaders().set(name, value));
                    if (response.isAllowed()) {
                        return chain.filter(exchange);
                    }
                    if (!exchange.getResponse().getHeaders().containsHeader(TokenBucketRateLimiter.RETRY_AFTER_HEADER)) {
                        exchange.getResponse().getHeaders().set(TokenBucketRateLimiter.RETRY_AFTER_HEADER, "1");
                    }
                    return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests",
                            "Request rate limit exceeded. Retry after "
                                    + exchange.getResponse().getHeaders().getFirst(TokenBucketRateLimiter.RETRY_AFTER_HEADER)
                                    + " seconds.");
                });
    }
}
