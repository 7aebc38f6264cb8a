package io.haat.catalog.support.outbox;

import io.haat.platform.messaging.EventEnvelopes;
import io.haat.platform.messaging.outbox.MicrometerTraceHeaders;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/** The MongoDB outbox and its relay (with its own idempotent String producer). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MongoOutboxProperties.class)
public class MongoOutboxConfiguration {

    @Bean
    MongoOutbox mongoOutbox(MongoTemplate mongo, EventEnvelopes envelopes, ObjectProvider<Tracer> tracer,
                            ObjectProvider<Propagator> propagator, Clock clock) {
        return new MongoOutbox(mongo, envelopes, new MicrometerTraceHeaders(tracer, propagator), clock);
    }

    // Not a bean (Boot's KafkaTemplate stays the application's). No template observation: it would replace
    // the traceparent captured when the event was written.
    @Bean(destroyMethod = "destroy")
    @SuppressWarnings("unchecked")
    MongoOutboxRelay mongoOutboxRelay(MongoTemplate mongo, MongoOutbox outbox, MongoOutboxProperties settings,
                                      Clock clock, ProducerFactory<?, ?> producerFactory) {
        Map<String, Object> overrides = new HashMap<>();
        overrides.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        overrides.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        overrides.put(ProducerConfig.ACKS_CONFIG, "all");
        overrides.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        overrides.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.sendTimeout().toMillis());
        var kafka = new KafkaTemplate<>((ProducerFactory<String, String>) producerFactory, overrides);
        return new MongoOutboxRelay(mongo, outbox, kafka, settings, clock);
    }
}
