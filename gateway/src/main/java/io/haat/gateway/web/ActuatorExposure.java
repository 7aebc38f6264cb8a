package io.haat.gateway.web;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The gateway's port is the public one: of its actuator it serves the health probes only. Metrics, info and every other
 * endpoint answer a 404 problem there, however the path is spelled (percent-encoding, path parameters). Scrape them on
 * a management port of their own ({@code HAAT_MANAGEMENT_PORT}, {@code management.server.port}; Kubernetes: 8081, which
 * no Service or Ingress publishes) — then this filter is not even registered, the public port has no actuator beyond
 * what this class lets through. The services' actuators are never routed by the gateway at all ({@code RouteTable}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnManagementPort(ManagementPortType.SAME)
public class ActuatorExposure {

    /** What the public port still serves below the actuator's base path. */
    static final List<String> PUBLIC = List.of("health");

    @Bean
    WebFilter actuatorExposureFilter(@Value("${management.endpoints.web.base-path:/actuator}") String basePath) {
        return new Filter(PathContainer.parsePath(basePath));
    }

    static final class Filter implements WebFilter, Ordered {

        private final List<String> base;

        Filter(PathContainer basePath) {
            this.base = segments(basePath);
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            List<String> path = segments(exchange.getRequest().getPath().pathWithinApplication());
            boolean actuator = path.size() >= base.size() && path.subList(0, base.size()).equals(base);
            if (!actuator || path.size() > base.size() && PUBLIC.contains(path.get(base.size()))) {
                return chain.filter(exchange);
            }
            return Problems.write(exchange, HttpStatus.NOT_FOUND, "Not Found", "No such endpoint.");
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        /** The decoded path segments without path parameters, as the handler mappings match them; empty ones dropped. */
        private static List<String> segments(PathContainer path) {
            return path.elements().stream()
                    .filter(PathContainer.PathSegment.class::isInstance)
                    .map(element -> ((PathContainer.PathSegment) element).valueToMatch())
                    .filter(value -> !value.isEmpty())
                    .toList();
        }
    }
}
