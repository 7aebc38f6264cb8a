package io.haat.order.returns;

import io.haat.platform.image.ImageLimits;
import io.haat.platform.image.ImageProcessor;
import io.haat.platform.security.RolePaths;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Returns' beans: the platform's image processor with the return photos' limits, and the roles of the return paths
 * ({@code POST /orders/{id}/returns} is CUSTOMER through {@code /orders/**}). Ownership is checked by the services.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReturnProperties.class)
class ReturnsConfiguration {

    @Bean
    ImageProcessor returnPhotoProcessor(ReturnProperties properties) {
        ReturnProperties.Photos photos = properties.photos();
        return new ImageProcessor(new ImageLimits(photos.maxBytes(), photos.maxPixels(), photos.maxSide(),
                photos.storedMaxSide(), photos.concurrentDecodes()));
    }

    @Bean
    RolePaths returnRoles() {
        return RolePaths.of()
                .require(HttpMethod.GET, "/returns/mine", "CUSTOMER")
                .require(HttpMethod.POST, "/returns/*/approve", "SELLER")
                .require(HttpMethod.POST, "/returns/*/reject", "SELLER")
                .require(HttpMethod.POST, "/returns/*/received", "SELLER")
                .require(HttpMethod.GET, "/stores/*/returns", "SELLER")
                .require(HttpMethod.PUT, "/stores/*/return-policy", "SELLER");
    }
}
