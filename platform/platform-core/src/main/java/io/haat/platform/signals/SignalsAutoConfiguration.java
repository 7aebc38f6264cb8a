package io.haat.platform.signals;

import io.haat.platform.messaging.EventEnvelopes;
import io.haat.platform.messaging.MessagingAutoConfiguration;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Security signals every servlet service emits for notification-service's admin alerts: {@link RequestDeniedSignals}
 * (403/404 answers to signed-in users). Off with {@code haat.signals.request-denied.enabled=false}.
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class,
        afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnProperty(name = "haat.signals.request-denied.enabled", matchIfMissing = true)
public class SignalsAutoConfiguration {

    @Bean
    @ConditionalOnSingleCandidate(KafkaOperations.class)
    @ConditionalOnBean(EventEnvelopes.class)
    @SuppressWarnings("unchecked")
    public FilterRegistrationBean<RequestDeniedSignals> requestDeniedSignals(KafkaOperations<?, ?> kafka,
            EventEnvelopes envelopes, JsonMapper json, Clock clock,
            @Value("${spring.application.name:unknown}") String service) {
        FilterRegistrationBean<RequestDeniedSignals> registration = new FilterRegistrationBean<>(
                new RequestDeniedSignals((KafkaOperations<String, String>) kafka, envelopes, json, clock, service));
        // outside Spring Security's chain (-100), to see the 403s it answers too
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
        return registration;
    }
}
