package io.haat.catalog;

import io.haat.platform.security.PublicPaths;
import io.haat.platform.security.RolePaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Service-wide beans: the endpoints anyone may call without a token and the roles paths require (the
 * {@code Clock} comes from platform-core).
 */
@Configuration(proxyBeanMethods = false)
public class CatalogConfiguration {

    /** Public reads and anonymous tracking; a token, when sent, is still validated and used (owner views). */
    @Bean
    PublicPaths publicCatalog() {
        return PublicPaths.of(
                "GET /categories", "GET /categories/**",
                "GET /products/**",
                "GET /stores/*/products",
                "GET /images/**",
                "GET /promotions/active",
                "GET /search", "GET /search/suggest", "POST /search/image",
                "POST /events/product-view", "POST /events/search-click");
    }

    /**
     * Roles by path, checked before MVC reads a body: a customer calling an admin endpoint gets 403, not a
     * validation problem about a body they should never have sent. The controllers' {@code @PreAuthorize} stays
     * as the second line; ownership (someone else's product → 404) is the services' job.
     */
    @Bean
    RolePaths catalogRoles() {
        return RolePaths.of()
                .require("/admin/**", "ADMIN")
                .require(HttpMethod.POST, "/stores/*/products", "SELLER")
                .require(HttpMethod.PUT, "/products/*", "SELLER")
                .require(HttpMethod.DELETE, "/products/*", "SELLER")
                .require(HttpMethod.POST, "/products/*/submit", "SELLER")
                .require(HttpMethod.POST, "/products/*/archive", "SELLER", "ADMIN")
                .require(HttpMethod.POST, "/products/*/images", "SELLER")
                .require(HttpMethod.PUT, "/products/*/images/order", "SELLER")
                .require(HttpMethod.DELETE, "/products/*/images/*", "SELLER")
                .require(HttpMethod.POST, "/products/*/reviews", "CUSTOMER")
                .require(HttpMethod.GET, "/reviews/mine", "CUSTOMER")
                .require("/reviews/mine/name", "CUSTOMER")
                .require(HttpMethod.PUT, "/reviews/*", "CUSTOMER")
                .require(HttpMethod.DELETE, "/reviews/*", "CUSTOMER");
    }
}
