package io.haat.gateway.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;

import java.net.ConnectException;
import java.net.URI;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Right after the load balancer has chosen an instance: when connecting to it fails, tells
 * {@link UnreachableInstances}, so that the retry and the requests after it choose another instance.
 */
final class UnreachableInstanceFilter implements GlobalFilter, Ordered {

    private final UnreachableInstances unreachable;

    UnreachableInstanceFilter(UnreachableInstances unreachable) {
        this.unreachable = unreachable;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        URI chosen = exchange.getAttribute(GATEWAY_REQUEST_URL_ATTR);
        if (chosen == null || "lb".equals(chosen.getScheme())) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange).doOnError(error -> {
            if (isConnectFailure(error)) {
                unreachable.unreachable(chosen);
            }
        });
    }

    /** Refused, or no connection within the connect timeout (Netty's ConnectTimeoutException is a ConnectException). */
    static boolean isConnectFailure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER + 1;
    }
}
