package io.haat.gateway.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import io.haat.gateway.routing.ServiceRoute.Kind;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells a service that its API lives under {@code /api/v1} at the gateway ({@code X-Forwarded-Prefix}), on the
 * routes that strip that prefix, so the links it writes (image URLs, the OpenAPI {@code servers}) point at the
 * gateway. For an OpenAPI document the generic prefix would be {@code /api/v1/<service>} (the part stripped),
 * which would make the Swagger UI's "try it out" call paths that do not exist.
 */
@Component
public class ForwardedPrefix implements HttpHeadersFilter, Ordered {

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        Object kind = route != null ? route.getMetadata().get(GatewayRoutesConfiguration.KIND_METADATA) : null;
        if (kind == null || Kind.WEBSOCKET.name().equals(kind)) {
            return input; // WebSocket routes keep their path: nothing was stripped
        }
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(input);
        headers.set("X-Forwarded-Prefix", ServiceRoute.API_PREFIX);
        return headers;
    }

    @Override
    public int getOrder() {
        // after ClientForwardedHeaders, which drops every X-Forwarded-* the request arrived with
        return Ordered.LOWEST_PRECEDENCE;
    }
}
