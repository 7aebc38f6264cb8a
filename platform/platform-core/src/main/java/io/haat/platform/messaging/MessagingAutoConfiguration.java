package io.haat.platform.messaging;

import io.haat.events.Topics;
import io.haat.platform.messaging.outbox.MicrometerTraceHeaders;
import io.haat.platform.messaging.outbox.TraceHeaders;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.common.TopicPartition;
import jakarta.validation.Validator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * Messaging pieces every service gets: the envelope reader/writer and, for Kafka listeners,
 * bounded retries followed by the dead-letter topic {@code <topic>.DLT}.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
@EnableConfigurationProperties(MessagingProperties.class)
public final class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventEnvelopes eventEnvelopes(ObjectProvider<JsonMapper> jsonMapper, ObjectProvider<Validator> validator) {
        JsonMapper mapper = jsonMapper.getIfUnique(() -> JsonMapper.builder().build());
        Validator events = validator.getIfUnique();
        return events == null ? new EventEnvelopes(mapper) : new EventEnvelopes(mapper, events);
    }

    /** Trace context for outbox headers, when Micrometer Tracing is on the classpath (every outbox uses it). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.tracing.Tracer")
    static class TracingConfiguration {

        @Bean
        @ConditionalOnMissingBean
        TraceHeaders outboxTraceHeaders(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
            return new MicrometerTraceHeaders(tracer, propagator);
        }
    }

    /** Picked up by Boot's {@code kafkaListenerContainerFactory} (it applies a unique CommonErrorHandler). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(DefaultErrorHandler.class)
    @ConditionalOnSingleCandidate(KafkaOperations.class)
    static class KafkaListenerErrorHandling {

        /** Between two tries of a message while a dependency is down (well under max.poll.interval.ms). */
        private static final long TRANSIENT_MAX_INTERVAL_MS = 10_000;

        @Bean
        @ConditionalOnMissingBean(CommonErrorHandler.class)
        DefaultErrorHandler haatKafkaErrorHandler(KafkaOperations<?, ?> kafka, MessagingProperties properties) {
            // partition -1: let the producer pick the DLT partition from the key, so the DLT may
            // have fewer partitions than the topic (the default keeps the partition number)
            var recoverer = new DeadLetterPublishingRecoverer(kafka,
                    (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
            MessagingProperties.Consumer settings = properties.consumer();
            var backOff = new ExponentialBackOff(settings.backoff().toMillis(), settings.backoffMultiplier());
            backOff.setMaxInterval(settings.backoffMax().toMillis());
            // BackOff counts retries; the setting counts deliveries including the first
            backOff.setMaxAttempts(Math.max(0, settings.maxAttempts() - 1));
            var handler = new DefaultErrorHandler(recoverer, backOff);
            // retrying cannot make a malformed message parse
            handler.addNotRetryableExceptions(MalformedEventException.class);
            // the database (or another dependency) down is no reason to give up on a message: retried until it is
            // back, the partition waiting in order, instead of sent to the DLT after a few quick attempts
            var untilBack = new ExponentialBackOff(settings.backoff().toMillis(), settings.backoffMultiplier());
            untilBack.setMaxInterval(Math.max(settings.backoffMax().toMillis(), TRANSIENT_MAX_INTERVAL_MS));
            // a message that refers to what another, later event brings: retried for a while, then the DLT
            var whileAwaited = new ExponentialBackOff(settings.backoff().toMillis(), settings.backoffMultiplier());
            whileAwaited.setMaxInterval(settings.backoffMax().toMillis());
            whileAwaited.setMaxElapsedTime(settings.awaitAnotherEventFor().toMillis());
            handler.setBackOffFunction((record, error) -> TransientFailures.isTransient(error) ? untilBack
                    : awaitsAnotherEvent(error) ? whileAwaited : null);
            return handler;
        }

        static boolean awaitsAnotherEvent(Throwable error) {
            for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof AwaitingAnotherEventException) {
                    return true;
                }
            }
            return false;
        }
    }
}
