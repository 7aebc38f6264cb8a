package io.haat.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.test.util.ReflectionTestUtils;

/** messaging-defaults.properties reaches the Kafka clients; the DLT error handler reaches Boot's factory. */
class MessagingDefaultsTest extends MessagingIntegrationTest {

    @Autowired
    private ProducerFactory<?, ?> producerFactory;
    @Autowired
    private ConsumerFactory<?, ?> consumerFactory;
    @Autowired
    private ConcurrentKafkaListenerContainerFactory<?, ?> listenerContainerFactory;
    @Autowired
    private CommonErrorHandler errorHandler;

    @Test
    void producerIsIdempotentAndWritesStrings() {
        Map<String, Object> config = producerFactory.getConfigurationProperties();

        assertThat(config).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true")
                .containsEntry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class)
                .containsEntry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    }

    @Test
    void consumersReadStringsFromTheStartCommitOnlyWhatTheyHandledAndUseTheServiceName() {
        Map<String, Object> config = consumerFactory.getConfigurationProperties();

        assertThat(config).containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
                .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "messaging-test")
                .containsEntry(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class)
                .containsEntry(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    }

    @Test
    void listenersUseTheDeadLetterErrorHandlerWithObservation() {
        assertThat(errorHandler).isInstanceOf(DefaultErrorHandler.class);
        assertThat(ReflectionTestUtils.getField(listenerContainerFactory, "commonErrorHandler")).isSameAs(errorHandler);
        assertThat(listenerContainerFactory.getContainerProperties().isObservationEnabled()).isTrue();
    }
}
