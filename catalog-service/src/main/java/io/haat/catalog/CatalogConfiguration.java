package io.haat.catalog;

import io.haat.catalog.support.RoleGate;
import io.haat.platform.security.ProblemAccessDeniedHandler;
import io.haat.platform.security.PublicPaths;
import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Service-wide beans: the clock and the endpoints anyone may call without a token. */
@Configuration(proxyBeanMethods = false)
public class CatalogConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Public reads and anonymous tracking; a token, when sent, is still validated and used (owner views). */
    @Bean
    PublicPaths publicCatalog() {
        return PublicPaths.of(
                "GET /categories", "GET /categories/**",
                "GET /products/**",
                "GET /stores/*/products",
                "GET /images/**",
                "GET /promotions/active",
                "POST /events/product-view", "POST /events/search-click");
    }

    /** Runs after Spring Security's filters (order -100), so the caller is known, and before MVC reads bodies. */
    @Bean
    FilterRegistrationBean<RoleGate> roleGate(ProblemAccessDeniedHandler denied) {
        FilterRegistrationBean<RoleGate> registration = new FilterRegistrationBean<>(new RoleGate(denied));
        registration.setOrder(0);
        return registration;
    }
}
