package io.haat.platform.messaging;

import io.haat.platform.audit.OutboxAuditTrail;
import io.haat.platform.messaging.consumer.ProcessedEvents;
import io.haat.platform.messaging.outbox.EventPublisher;
import io.haat.platform.messaging.outbox.OutboxRelay;
import io.haat.platform.messaging.outbox.OutboxRepository;
import io.haat.platform.messaging.outbox.TraceHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JDBC side of messaging, active where the service has a DataSource and a JdbcTemplate: the
 * transactional outbox ({@link EventPublisher} + {@link OutboxRelay}) and the idempotent consumer
 * record ({@link ProcessedEvents}). Tables come from the platform migrations in {@code db/platform}. Trace headers
 * come from {@link MessagingAutoConfiguration}.
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class, afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
@ConditionalOnClass({JdbcTemplate.class, PlatformTransactionManager.class})
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBean({JdbcTemplate.class, PlatformTransactionManager.class})
@EnableConfigurationProperties(MessagingProperties.class)
public final class JdbcMessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OutboxRepository outboxRepository(JdbcTemplate jdbc, ObjectProvider<JsonMapper> jsonMapper) {
        return new OutboxRepository(jdbc, jsonMapper.getIfUnique(() -> JsonMapper.builder().build()));
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(OutboxRepository outbox, EventEnvelopes envelopes,
                                  ObjectProvider<TraceHeaders> traceHeaders, ObjectProvider<Clock> clock,
                                  PlatformTransactionManager transactionManager,
                                  ObjectProvider<OutboxRelay> relay) {
        return new EventPublisher(outbox, envelopes, traceHeaders.getIfAvailable(() -> TraceHeaders.NONE),
                clock.getIfUnique(Clock::systemUTC), transactionManager, () -> relay.ifAvailable(OutboxRelay::wakeUp));
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxAuditTrail outboxAuditTrail(EventPublisher events, ObjectProvider<JsonMapper> jsonMapper,
                                      ObjectProvider<Clock> clock) {
        return new OutboxAuditTrail(events, jsonMapper.getIfUnique(() -> JsonMapper.builder().build()),
                clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(ProducerFactory.class)
    @ConditionalOnProperty(name = "haat.messaging.outbox.relay-enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(OutboxRepository outbox, PlatformTransactionManager transactionManager,
                            ProducerFactory<?, ?> producerFactory, MessagingProperties properties,
                            ObjectProvider<MeterRegistry> meters) {
        return new OutboxRelay(outbox, transactionManager, producerFactory, properties.outbox(),
                meters.getIfUnique());
    }

    @Bean
    @ConditionalOnMissingBean
    ProcessedEvents processedEvents(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        return new ProcessedEvents(jdbc, transactionManager);
    }
}
