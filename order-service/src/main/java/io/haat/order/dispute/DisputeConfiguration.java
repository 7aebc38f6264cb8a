package io.haat.order.dispute;

import io.haat.platform.security.RolePaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Roles of the dispute paths: admins list and resolve; {@code /disputes/**} needs a token, and the service lets only
 * the dispute's customer, its store's seller and admins in ({@code /orders/{id}/disputes} is CUSTOMER through
 * {@code /orders/**}).
 */
@Configuration(proxyBeanMethods = false)
class DisputeConfiguration {

    @Bean
    RolePaths disputeRoles() {
        return RolePaths.of().require("/admin/disputes", "ADMIN").require("/admin/disputes/**", "ADMIN");
    }
}
