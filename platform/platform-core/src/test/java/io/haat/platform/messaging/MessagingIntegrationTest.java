package io.haat.platform.messaging;

import io.haat.events.EventEnvelope;
import io.haat.platform.messaging.outbox.EventPublisher;
import io.haat.platform.messaging.outbox.OutboxRelay;
import io.haat.test.HaatIntegrationTest;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one Spring context of the messaging tests (every subclass shares it): real PostgreSQL with
 * the platform migrations, real Kafka, the auto-configured outbox relay and the test listeners.
 */
@SpringBootTest(classes = MessagingTestApplication.class, properties = {
        "spring.application.name=messaging-test",
        "spring.flyway.locations=classpath:db/platform,classpath:db/messaging-test",
        "haat.messaging.consumer.max-attempts=3",
        "haat.messaging.consumer.backoff=50ms",
        "haat.messaging.consumer.backoff-max=200ms",
        "haat.messaging.consumer.await-another-event-for=1s",
        "haat.messaging.outbox.retry-backoff=100ms"})
@HaatIntegrationTest
abstract class MessagingIntegrationTest {

    @Autowired
    protected EventPublisher publisher;
    @Autowired
    protected OutboxRelay relay;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected PlatformTransactionManager transactionManager;
    @Autowired
    protected KafkaTemplate<String, String> kafka;
    @Autowired
    protected KafkaAdmin kafkaAdmin;
    @Autowired
    protected TestListeners listeners;
    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrapServers;

    protected <T> T inTransaction(Supplier<T> work) {
        return new TransactionTemplate(transactionManager).execute(status -> work.get());
    }

    protected EventEnvelope<TestEvent> publishCommitted(String topic, TestEvent event) {
        return inTransaction(() -> publisher.publish(topic, event));
    }

    /** A topic of its own for one test, so tests cannot see each other's messages. */
    protected String newTopic(int partitions) {
        String name = "messaging-test." + UUID.randomUUID();
        kafkaAdmin.createOrModifyTopics(new NewTopic(name, partitions, (short) 1));
        return name;
    }

    protected TopicReader reader(String topic) {
        return new TopicReader(bootstrapServers, topic);
    }

    protected int unsentRows() {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM outbox WHERE sent_at IS NULL", Integer.class);
        return count == null ? 0 : count;
    }

    /** Runs {@code work} while the auto-configured relay is stopped, so only the test's relays send. */
    protected void withAutoRelayStopped(Runnable work) {
        relay.stop();
        try {
            work.run();
        } finally {
            relay.start();
        }
    }
}
