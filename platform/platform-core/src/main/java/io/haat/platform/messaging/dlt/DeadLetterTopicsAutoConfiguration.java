package io.haat.platform.messaging.dlt;

import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * {@link DeadLetterTopics} for every service with Kafka listeners ({@code haat.messaging.dead-letter.create-topics},
 * default {@code true}; {@code haat.messaging.dead-letter.timeout}, default 15 s, bounds the wait at start-up).
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(KafkaAdmin.class)
@ConditionalOnBean(KafkaAdmin.class)
@ConditionalOnProperty(name = "haat.messaging.dead-letter.create-topics", matchIfMissing = true)
public class DeadLetterTopicsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DeadLetterTopics deadLetterTopics(ObjectProvider<KafkaListenerEndpointRegistry> registry, KafkaAdmin kafkaAdmin,
                                      Environment environment) {
        return new DeadLetterTopics(registry, kafkaAdmin,
                environment.getProperty("haat.messaging.dead-letter.timeout", Duration.class, Duration.ofSeconds(15)));
    }
}
