package io.haat.order.shipping;

import io.haat.platform.security.RolePaths;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Shipping's settings and roles. Reading a store's methods is public ({@code haat.security.public-paths});
 * changing them needs a SELLER token, checked before the body is read (the store must then be the caller's).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ShippingProperties.class)
public class ShippingConfiguration {

    @Bean
    RolePaths shippingRoles() {
        return RolePaths.of()
                .require(HttpMethod.POST, "/stores/*/shipping-methods", "SELLER")
                .require(HttpMethod.PUT, "/stores/*/shipping-methods/*", "SELLER")
                .require(HttpMethod.DELETE, "/stores/*/shipping-methods/*", "SELLER");
    }
}
