package io.haat.platform.messaging.mongo;

import io.haat.platform.messaging.outbox.OutboxRelayLoop;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Publishes the pending events of {@link MongoOutbox} documents to Kafka, in their order, and removes them once
 * acknowledged: the {@link OutboxRelayLoop} over a {@link MongoOutboxStore}. Delivery is at least once (a crash
 * between the acknowledgement and the removal sends again): consumers are idempotent by {@code eventId}. Metrics
 * are tagged {@code outbox=mongo}.
 */
public class MongoOutboxRelay extends OutboxRelayLoop<MongoOutboxStore.LeasedDocument> {

    /** A relay with its own idempotent String producer, derived from the application's producer settings. */
    public MongoOutboxRelay(MongoOutboxStore store, ProducerFactory<?, ?> producerFactory,
                            MongoOutboxProperties settings, MeterRegistry meters) {
        super("mongo", store, idempotentStringTemplate(producerFactory, settings.sendTimeout()), true, settings,
                meters);
    }

    /** A relay sending through the given template (which stays the caller's to close), without metrics. */
    public MongoOutboxRelay(MongoOutboxStore store, KafkaOperations<String, String> kafka,
                            MongoOutboxProperties settings) {
        super("mongo", store, kafka, false, settings, null);
    }
}
