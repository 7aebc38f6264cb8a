package io.haat.gateway.routing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retries, the per-service circuit breaker and how long an instance that refused a connection is left out of the
 * load balancer's choice ({@link UnreachableInstances}) and how long the instances discovery listed last stand in
 * when it suddenly lists none ({@link ReachableInstanceListSupplier}), {@code haat.gateway.resilience.*}. Timeouts are the
 * gateway HTTP client's ({@code spring.cloud.gateway.server.webflux.httpclient.*}).
 */
@ConfigurationProperties("haat.gateway.resilience")
public record ResilienceProperties(
        @DefaultValue("2") int retries,
        @DefaultValue("50ms") Duration retryFirstBackoff,
        @DefaultValue("500ms") Duration retryMaxBackoff,
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("20") int slidingWindowSize,
        @DefaultValue("10") int minimumNumberOfCalls,
        @DefaultValue("10s") Duration waitDurationInOpenState,
        @DefaultValue("10s") Duration unreachableQuarantine,
        @DefaultValue("30s") Duration lastKnownInstancesFor) {
}
