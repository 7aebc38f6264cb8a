package io.haat.seller;

import io.haat.platform.security.RolePaths;
import io.haat.seller.reservation.ReservationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Service-wide beans: scheduling of reservation expiry and the roles paths require (the UTC {@code Clock} comes
 * from platform-core).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({ReservationProperties.class, SellerLimits.class})
public class SellerConfiguration {

    /**
     * Roles by path, checked before MVC reads a body (a customer sending a bad body to an admin endpoint gets 403,
     * not 400). First match wins; {@code @PreAuthorize} on the controllers stays as the second line, and whose
     * store it is (another seller's → 404) is the services' job.
     */
    @Bean
    RolePaths sellerRoles() {
        return RolePaths.of()
                // payment-service asks which commission applied when its copy of the rules has none yet
                .require(HttpMethod.GET, "/admin/commissions/applicable", "ADMIN", "SERVICE")
                .require("/admin/**", "ADMIN")
                .require("/sellers/**", "SELLER")
                .require(HttpMethod.POST, "/stores", "SELLER")
                .require(HttpMethod.GET, "/stores/mine", "SELLER")
                .require(HttpMethod.PUT, "/stores/*", "SELLER")
                .require(HttpMethod.DELETE, "/stores/*", "SELLER")
                .require(HttpMethod.PUT, "/stores/*/inventory/*", "SELLER")
                .require("/stores/*/inventory/**", "SELLER", "ADMIN")
                .require("/stores/*/analytics/**", "SELLER", "ADMIN");
    }
}
