package io.haat.notification.assistant;

import io.haat.platform.security.PublicPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/** The assistant's FAQ index, its clients of catalog- and order-service, and its open door. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AssistantProperties.class)
@EnableFeignClients(clients = {CatalogSearchClient.class, OrderHistoryClient.class})
class AssistantConfiguration {

    static final String FAQ = "assistant/faq.yml";
    static final double MIN_SCORE = 2.0;
    static final double MIN_COVERAGE = 0.5;

    @Bean
    FaqIndex faqIndex() {
        return faq();
    }

    /** Anyone may ask, signed in or not; a signed-in caller's token is still validated. */
    @Bean
    PublicPaths assistantPublicPaths() {
        return PublicPaths.of("POST /assistant/messages");
    }

    static FaqIndex faq() {
        try {
            return FaqIndex.load(new ClassPathResource(FAQ).getInputStream(), MIN_SCORE, MIN_COVERAGE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
