package io.haat.platform.messaging.outbox;

import io.haat.platform.messaging.MessagingProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Publishes the rows of the JDBC {@code outbox} table to Kafka and marks them sent: the
 * {@link OutboxRelayLoop} over a {@link JdbcOutboxStore}. Each batch is one transaction that claims rows with
 * {@code FOR UPDATE SKIP LOCKED}, so any number of relays (one per service instance) can run at once without
 * sending a row twice. Delivery is at least once: a relay that dies after the send but before its commit leaves
 * the row unsent and it is sent again; consumers are idempotent. Metrics are tagged {@code outbox=jdbc}.
 */
public class OutboxRelay extends OutboxRelayLoop<OutboxMessage> {

    /** A relay with its own idempotent String producer, derived from the application's producer settings. */
    public OutboxRelay(OutboxRepository outbox, PlatformTransactionManager transactionManager,
                       ProducerFactory<?, ?> producerFactory, MessagingProperties.Outbox settings,
                       MeterRegistry meters) {
        super("jdbc", new JdbcOutboxStore(outbox, transactionManager, settings.retention()),
                idempotentStringTemplate(producerFactory, settings.sendTimeout()), true, settings, meters);
    }

    /** As above, without metrics. */
    public OutboxRelay(OutboxRepository outbox, PlatformTransactionManager transactionManager,
                       ProducerFactory<?, ?> producerFactory, MessagingProperties.Outbox settings) {
        this(outbox, transactionManager, producerFactory, settings, null);
    }

    /** A relay sending through the given template (which stays the caller's to close), without metrics. */
    public OutboxRelay(OutboxRepository outbox, PlatformTransactionManager transactionManager,
                       KafkaOperations<String, String> kafka, MessagingProperties.Outbox settings) {
        super("jdbc", new JdbcOutboxStore(outbox, transactionManager, settings.retention()), kafka, false, settings,
                null);
    }
}
