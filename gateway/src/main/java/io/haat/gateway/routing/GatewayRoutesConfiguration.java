package io.haat.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.haat.gateway.routing.ServiceRoute.Kind;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.route.builder.UriSpec;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** Turns the {@link RouteTable} into Spring Cloud Gateway routes. */
@Configuration(proxyBeanMethods = false)
public class GatewayRoutesConfiguration {

    /** Route metadata: the service a route leads to. */
    public static final String SERVICE_METADATA = "haat-service";
    /** Route metadata: the rate-limit group a route counts against. */
    public static final String RATE_LIMIT_GROUP_METADATA = "haat-rate-limit-group";
    /** Route metadata: the {@link Kind} of a route. */
    public static final String KIND_METADATA = "haat-route-kind";

    @Bean
    RouteLocator haatRoutes(RouteLocatorBuilder builder, ServiceEndpointsProperties endpoints,
            ResilienceProperties resilience) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (RouteTable.OrderedRoute ordered : RouteTable.routes()) {
            ServiceRoute route = ordered.route();
            URI uri = endpoints.uriOf(route.service());
            routes.route(route.id(), spec -> spec.order(ordered.order())
                    // exact matching (no implicit trailing slash) so that security rules, which match
                    // the same patterns, and routing always agree
                    .path(false, route.gatewayPatterns().toArray(String[]::new))
                    .filters(filters -> configure(filters, route, resilience))
                    .uri(uri));
        }
        return routes.build();
    }

    private static UriSpec configure(GatewayFilterSpec filters, ServiceRoute route, ResilienceProperties resilience) {
        filters.metadata(SERVICE_METADATA, route.service())
                .metadata(RATE_LIMIT_GROUP_METADATA, route.rateLimitGroup())
                .metadata(KIND_METADATA, route.kind().name());
        switch (route.kind()) {
            case REST -> resilient(filters.stripPrefix(2), route, resilience);
            case API_DOCS -> resilient(filters.stripPrefix(3), route, resilience);
            // long-lived: no response timeout, and neither retried nor counted by the circuit breaker
            case STREAM -> filters.stripPrefix(2).metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, -1);
            case WEBSOCKET -> filters.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, -1);
        }
        return filters;
    }

    private static void resilient(GatewayFilterSpec filters, ServiceRoute route, ResilienceProperties resilience) {
        // No fallback URI: failures surface as exceptions that ProblemErrorHandler turns into a 503
        // problem, while a service's own error responses (even 5xx) pass through untouched.
        filters.circuitBreaker(config -> config.setName(route.service()));
        if (resilience.retries() > 0) {
            filters.retry(config -> config.setRetries(resilience.retries())
                    .setMethods(HttpMethod.GET)
                    .setSeries()
                    .setStatuses(HttpStatus.BAD_GATEWAY, HttpStatus.SERVICE_UNAVAILABLE)
                    // no connection (refused: another instance is chosen, UnreachableInstances), or the connection
                    // lost before the answer (the instance died holding it): a GET may be asked again. A response
                    // timeout is not an IOException and is not retried.
                    .setExceptions(IOException.class)
                    .setBackoff(resilience.retryFirstBackoff(), resilience.retryMaxBackoff(), 2, false));
        }
    }

    /** One circuit breaker per service, all with the same thresholds. */
    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakerDefaults(ResilienceProperties resilience) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .failureRateThreshold(resilience.failureRateThreshold())
                .slidingWindowSize(resilience.slidingWindowSize())
                .minimumNumberOfCalls(resilience.minimumNumberOfCalls())
                .waitDurationInOpenState(resilience.waitDurationInOpenState())
                .build();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(config)
                // the HTTP client's response timeout bounds a call; this is only a backstop in case
                // spring.cloud.circuitbreaker.resilience4j.disable-time-limiter is switched back on
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(Duration.ofMinutes(1)).build())
                .build());
    }
}
