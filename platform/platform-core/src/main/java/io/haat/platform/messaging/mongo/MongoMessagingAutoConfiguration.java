package io.haat.platform.messaging.mongo;

import io.haat.platform.messaging.EventEnvelopes;
import io.haat.platform.messaging.MessagingAutoConfiguration;
import io.haat.platform.messaging.outbox.TraceHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The MongoDB side of messaging, active where the service has a {@link MongoTemplate}: the {@link MongoOutbox}
 * (events written inside the document that changes) and its {@link MongoOutboxRelay}.
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class, afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
@ConditionalOnClass(MongoTemplate.class)
@ConditionalOnSingleCandidate(MongoTemplate.class)
@EnableConfigurationProperties(MongoOutboxProperties.class)
public final class MongoMessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MongoOutbox mongoOutbox(MongoTemplate mongo, EventEnvelopes envelopes, ObjectProvider<TraceHeaders> traceHeaders,
                            ObjectProvider<Clock> clock, MongoOutboxProperties properties,
                            ObjectProvider<MongoOutboxRelay> relay) {
        return new MongoOutbox(mongo, envelopes, traceHeaders.getIfAvailable(() -> TraceHeaders.NONE),
                clock.getIfUnique(Clock::systemUTC), properties.collection(),
                () -> relay.ifAvailable(MongoOutboxRelay::wakeUp));
    }

    @Bean
    @ConditionalOnMissingBean
    MongoOutboxStore mongoOutboxStore(MongoTemplate mongo, MongoOutbox outbox, MongoOutboxProperties properties,
                                      ObjectProvider<Clock> clock) {
        return new MongoOutboxStore(mongo, outbox, properties.lease(), clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(ProducerFactory.class)
    @ConditionalOnProperty(name = "haat.messaging.mongo-outbox.relay-enabled", matchIfMissing = true)
    MongoOutboxRelay mongoOutboxRelay(MongoOutboxStore store, ProducerFactory<?, ?> producerFactory,
                                      MongoOutboxProperties properties, ObjectProvider<MeterRegistry> meters) {
        return new MongoOutboxRelay(store, producerFactory, properties, meters.getIfUnique());
    }
}
