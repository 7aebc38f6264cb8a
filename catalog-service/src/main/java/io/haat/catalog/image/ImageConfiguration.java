package io.haat.catalog.image;

import io.haat.platform.image.ImageLimits;
import io.haat.platform.image.ImageProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The platform's image processor with catalog's upload limits ({@code haat.catalog.images.*}). */
@Configuration(proxyBeanMethods = false)
class ImageConfiguration {

    @Bean
    ImageProcessor imageProcessor(ImageProperties properties) {
        return new ImageProcessor(new ImageLimits(properties.maxBytes(), properties.maxPixels(), properties.maxSide(),
                properties.storedMaxSide(), properties.concurrentDecodes()));
    }
}
