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
 * Tells a service serving its OpenAPI document that its API lives under {@code /api/v1} at the gateway.
 * The generic X-Forwarded-Prefix would be {@code /api/v1/<service>} (the prefix stripped for the
 * document), which would make the Swagger UI's "try it out" call paths that do not exist.
 */
@Component
public class ApiDocsForwardedPrefix implements HttpHeadersFilter, Ordered {

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        if (route == null || !Kind.API_DOCS.name().equals(route.getMetadata().get(GatewayRoutesConfiguration.KIND_METADATA))) {
            return input;
        }
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(input);
        headers.set("X-Forwarded-Prefix", ServiceRoute.API_PREFIX);
        return headers;
    }

    @Override
    public int getOrder() {
        // after XForwardedHeadersFilter, which computes the generic prefix
        return Ordered.LOWEST_PRECEDENCE;
    }
}
