package io.haat.order.delivery;

import io.haat.platform.security.RolePaths;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Delivery's settings and roles: the agent panel needs DELIVERY_AGENT, assignments and the registry ADMIN. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryProperties.class)
public class DeliveryConfiguration {

    @Bean
    RolePaths deliveryRoles() {
        return RolePaths.of()
                .require("/deliveries/**", "DELIVERY_AGENT")
                .require("/admin/deliveries/**", "ADMIN")
                .require("/admin/delivery-agents", "ADMIN")
                .require("/admin/delivery-agents/**", "ADMIN");
    }
}
