package io.haat.order.fulfilment;

import io.haat.platform.security.RolePaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The store's fulfilment endpoints need a SELLER token, checked before the body is read. */
@Configuration(proxyBeanMethods = false)
public class FulfilmentConfiguration {

    @Bean
    RolePaths fulfilmentRoles() {
        return RolePaths.of().require("/seller-orders/**", "SELLER");
    }
}
