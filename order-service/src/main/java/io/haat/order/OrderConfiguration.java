package io.haat.order;

import io.haat.order.cart.CartAccess;
import io.haat.order.cart.CartProperties;
import io.haat.order.order.OrderProperties;
import io.haat.platform.security.KeycloakRealmRolesConverter;
import io.haat.platform.security.RolePaths;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Service-wide beans: scheduling (guest cart purge, payment deadlines), the roles paths require, and the cart's own role check (the
 * UTC {@code Clock} comes from platform-core).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({CartProperties.class, OrderProperties.class})
public class OrderConfiguration implements WebMvcConfigurer {

    private final CartAccess cartAccess;

    public OrderConfiguration(CartAccess cartAccess) {
        this.cartAccess = cartAccess;
    }

    /**
     * Roles by path, checked before MVC reads a body. The cart is not here: guests may use it
     * ({@code haat.security.public-paths}), so {@link CartAccess} refuses signed-in callers who are not customers.
     */
    @Bean
    RolePaths orderRoles() {
        return RolePaths.of()
                .require("/wishlist/**", "CUSTOMER")
                .require("/checkout", "CUSTOMER")
                .require("/orders", "CUSTOMER")
                .require("/orders/**", "CUSTOMER")
                .require(HttpMethod.GET, "/stores/*/orders", "SELLER")
                // payment-service's look-up: only tokens of the haat-services client carry SERVICE
                .require("/internal/**", KeycloakRealmRolesConverter.SERVICE);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(cartAccess).addPathPatterns("/cart", "/cart/**");
    }
}
