package io.haat.platform.purge;

import io.haat.platform.messaging.JdbcMessagingAutoConfiguration;
import io.haat.platform.messaging.consumer.ProcessedEvents;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Retention of the idempotent-consumer records, where a service has them ({@link ProcessedEvents}, i.e. JDBC
 * messaging). The Idempotency-Key table has its own purge ({@code IdempotencyKeyPurger}, {@code haat.idempotency.*}).
 */
@AutoConfiguration(after = JdbcMessagingAutoConfiguration.class)
@ConditionalOnBean({ProcessedEvents.class, JdbcTemplate.class})
@ConditionalOnProperty(name = "haat.messaging.processed-events.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RetentionPurgeProperties.class)
public class PurgeAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProcessedEventPurger processedEventPurger(JdbcTemplate jdbc, RetentionPurgeProperties properties) {
        return new ProcessedEventPurger(jdbc, properties);
    }
}
