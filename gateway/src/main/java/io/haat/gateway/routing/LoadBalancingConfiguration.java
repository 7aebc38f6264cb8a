package io.haat.gateway.routing;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the gateway chooses an instance of a service ({@code lb://<service>}): round-robin over the instances Eureka
 * lists (cached for {@code spring.cloud.loadbalancer.cache.ttl}), leaving out those that just refused a connection
 * ({@link UnreachableInstances}). A crashed instance stays in Eureka until its lease expires; without this, every
 * second request went to it until then, and a GET could be retried onto it again.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = ReachableInstancesPerService.class)
public class LoadBalancingConfiguration {

    @Bean
    UnreachableInstances unreachableInstances(ResilienceProperties resilience) {
        return new UnreachableInstances(resilience.unreachableQuarantine());
    }

    @Bean
    UnreachableInstanceFilter unreachableInstanceFilter(UnreachableInstances unreachable) {
        return new UnreachableInstanceFilter(unreachable);
    }
}
