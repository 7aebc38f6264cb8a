package io.haat.gateway.routing;

import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Each service's load-balancer context (a child of the application's, {@link LoadBalancingConfiguration}): the
 * instances discovery lists, cached, without those in quarantine. Deliberately neither a {@code @Configuration} nor a
 * member class of one: either would put this bean into the application's own context, which has no service id.
 */
class ReachableInstancesPerService {

    @Bean
    ServiceInstanceListSupplier reachableInstances(ConfigurableApplicationContext context) {
        return ServiceInstanceListSupplier.builder()
                .withDiscoveryClient()
                .withCaching()
                .with((serviceContext, cached) -> new ReachableInstanceListSupplier(cached,
                        serviceContext.getBean(UnreachableInstances.class),
                        serviceContext.getBean(ResilienceProperties.class).lastKnownInstancesFor()))
                .build(context);
    }
}
