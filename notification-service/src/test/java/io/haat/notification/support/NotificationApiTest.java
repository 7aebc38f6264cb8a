package io.haat.notification.support;

import io.haat.events.DomainEvent;
import io.haat.events.EventEnvelope;
import io.haat.test.HaatInfrastructure;
import io.haat.test.HaatIntegrationTest;
import io.haat.test.http.HttpApiTest;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Base of notification-service's integration tests: the one shared context (same annotations as the other test
 * classes), HTTP calls as a client, and events published to the shared Kafka broker as their producers would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@HaatIntegrationTest
public abstract class NotificationApiTest extends HttpApiTest {

    private static KafkaProducer<String, String> producer;

    /** Publishes the event in a fresh envelope; returns the envelope (its eventId). */
    protected EventEnvelope<DomainEvent> publish(String topic, DomainEvent event) {
        EventEnvelope<DomainEvent> envelope = EventEnvelope.of(event, 1, Instant.now());
        publish(topic, envelope);
        return envelope;
    }

    /** Publishes this very envelope (again: a redelivery). */
    protected void publish(String topic, EventEnvelope<DomainEvent> envelope) {
        send(topic, envelope.aggregateId(), json.writeValueAsString(envelope));
    }

    private static synchronized void send(String topic, String key, String value) {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, HaatInfrastructure.get().kafkaBootstrapServers());
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            producer = new KafkaProducer<>(props);
        }
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
