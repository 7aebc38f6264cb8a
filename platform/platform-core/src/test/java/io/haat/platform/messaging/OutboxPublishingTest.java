package io.haat.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.events.EventEnvelope;
import io.haat.platform.messaging.outbox.EventPublisher;
import io.haat.platform.messaging.outbox.OutboxRepository;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import tools.jackson.databind.JsonNode;

/** The outbox from the publisher's side: what reaches Kafka, and what never does. */
class OutboxPublishingTest extends MessagingIntegrationTest {

    @Autowired
    private EventEnvelopes envelopes;
    @Autowired
    private OutboxRepository outboxRepository;
    @Autowired
    private Tracer tracer;

    @Test
    void committedEventReachesKafkaWithKeyEnvelopeAndTraceHeaders() {
        String topic = newTopic(3);
        String orderId = "order-" + UUID.randomUUID();
        Span span = tracer.nextSpan().name("checkout").start();
        EventEnvelope<TestEvent> published;
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            published = inTransaction(() -> publisher.publish(topic, new TestEvent(orderId, "placed"), 7));
        } finally {
            span.end();
        }

        ConsumerRecord<String, String> record;
        try (TopicReader reader = reader(topic)) {
            record = reader.readUntil(r -> r.value().contains(published.eventId().toString())).getLast();
        }

        assertThat(record.key()).isEqualTo(orderId);
        EventEnvelope<TestEvent> received = envelopes.parse(record.value(), TestEvent.class);
        assertThat(received).isEqualTo(new EventEnvelope<>(published.eventId(), "TestEvent",
                published.occurredAt(), orderId, 7, new TestEvent(orderId, "placed")));
        EventEnvelope<JsonNode> raw = envelopes.parse(record.value());
        assertThat(raw.payload().get("note").asString()).isEqualTo("placed");
        Header traceparent = record.headers().lastHeader("traceparent");
        assertThat(traceparent).as("W3C trace context of the publishing span").isNotNull();
        assertThat(new String(traceparent.value(), StandardCharsets.UTF_8))
                .startsWith("00-" + span.context().traceId() + "-" + span.context().spanId() + "-");
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT topic, message_key, event_type, aggregate_id, aggregate_version, sent_at, attempts "
                        + "FROM outbox WHERE id = ?", published.eventId());
        assertThat(row).containsEntry("topic", topic).containsEntry("message_key", orderId)
                .containsEntry("event_type", "TestEvent").containsEntry("aggregate_version", 7L)
                .containsEntry("attempts", 0);
        assertThat(row.get("sent_at")).as("marked sent").isNotNull();
    }

    @Test
    void eventOfRolledBackTransactionIsNeverPublished() {
        String topic = newTopic(3);
        String orderId = "order-" + UUID.randomUUID();
        AtomicReference<UUID> rolledBack = new AtomicReference<>();
        assertThatThrownBy(() -> inTransaction(() -> {
            rolledBack.set(publisher.publish(topic, new TestEvent(orderId, "rolled back")).eventId());
            throw new IllegalStateException("checkout failed");
        })).hasMessage("checkout failed");
        // same key, so the same partition: had the first event been sent, it would come before this one
        EventEnvelope<TestEvent> marker = publishCommitted(topic, new TestEvent(orderId, "marker"));

        List<ConsumerRecord<String, String>> records;
        try (TopicReader reader = reader(topic)) {
            records = reader.readUntil(r -> r.value().contains(marker.eventId().toString()));
        }

        assertThat(records).extracting(ConsumerRecord::value)
                .noneMatch(value -> value.contains(rolledBack.get().toString()))
                .hasSize(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox WHERE id = ?", Integer.class, rolledBack.get()))
                .isZero();
    }

    @Test
    void publishingOutsideATransactionFailsAndWritesNothing() {
        TestEvent event = new TestEvent("order-" + UUID.randomUUID(), "no transaction");

        assertThatThrownBy(() -> publisher.publish(newTopic(1), event))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox WHERE aggregate_id = ?", Integer.class,
                event.aggregateId())).isZero();
    }

    @Test
    void relayIsWokenOnceAfterCommitAndNeverAfterRollback() {
        AtomicInteger wakeUps = new AtomicInteger();
        Instant pinned = Instant.parse("2026-03-01T10:15:30Z");
        EventPublisher counting = new EventPublisher(outboxRepository, envelopes, Map::of,
                Clock.fixed(pinned, ZoneOffset.UTC), transactionManager, wakeUps::incrementAndGet);
        String topic = newTopic(1);

        inTransaction(() -> {
            assertThat(counting.publish(topic, new TestEvent("a-" + UUID.randomUUID(), "first")).occurredAt())
                    .as("stamped by the publisher's clock").isEqualTo(pinned);
            counting.publish(topic, new TestEvent("b-" + UUID.randomUUID(), "second"));
            assertThat(wakeUps).as("not before commit").hasValue(0);
            return null;
        });
        assertThat(wakeUps).hasValue(1);

        assertThatThrownBy(() -> inTransaction(() -> {
            counting.publish(topic, new TestEvent("c-" + UUID.randomUUID(), "third"));
            throw new IllegalStateException("rolled back");
        }));
        assertThat(wakeUps).hasValue(1);
    }
}
