package io.haat.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.haat.events.EventEnvelope;
import io.haat.platform.messaging.outbox.OutboxRelay;
import io.haat.platform.messaging.outbox.OutboxRepository;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.ProducerFactory;
import tools.jackson.databind.json.JsonMapper;

/** The relay: at-least-once delivery, safe concurrency, retries and clean-up. */
class OutboxRelayTest extends MessagingIntegrationTest {

    @Autowired
    private OutboxRepository outboxRepository;
    @Autowired
    private ProducerFactory<?, ?> producerFactory;
    @Autowired
    private JsonMapper jsonMapper;
    @Autowired
    private EventEnvelopes envelopes;
    @Autowired
    private MessagingProperties properties;

    @Test
    void relayDyingBetweenSendAndMarkResendsAndTheIdempotentConsumerAppliesTheEventOnce() {
        // a relay whose process "dies" after Kafka acknowledged the batch, before the commit
        OutboxRepository dyingBeforeCommit = new OutboxRepository(jdbc, jsonMapper) {
            @Override
            public void markSent(Collection<UUID> ids) {
                throw new IllegalStateException("relay died before marking " + ids.size() + " rows sent");
            }
        };
        OutboxRelay dyingRelay = new OutboxRelay(dyingBeforeCommit, transactionManager, producerFactory,
                properties.outbox());
        List<EventEnvelope<TestEvent>> published = new ArrayList<>();
        try {
            withAutoRelayStopped(() -> {
                published.add(publishCommitted(TestListeners.EFFECTS, new TestEvent("order-" + UUID.randomUUID(), "once")));
                assertThatThrownBy(dyingRelay::relayBatch).hasMessageContaining("relay died");
                assertThat(dyingRelay.sentTotal()).isZero();
                assertThat(sentAt(published.getFirst().eventId())).as("still unsent").isNull();
            });
        } finally {
            dyingRelay.destroy();
        }
        UUID eventId = published.getFirst().eventId();

        // the surviving (auto-configured) relay sends it again; the consumer sees both deliveries
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(listeners.deliveries(TestListeners.EFFECTS, eventId.toString())).isEqualTo(2);
            assertThat(sentAt(eventId)).isNotNull();
        });
        assertThat(listeners.effects(eventId)).isEqualTo(1);
        try (TopicReader reader = reader(TestListeners.EFFECTS)) {
            assertThat(reader.readToEnd()).filteredOn(r -> r.value().contains(eventId.toString())).hasSize(2);
        }
    }

    @Test
    void twoRelaysRunningAtOnceSendEveryRowExactlyOnceInPerAggregateOrder() throws Exception {
        String topic = newTopic(3);
        int aggregates = 8; // fewer than a batch: concurrent batches hold the same keys
        int versions = 125;
        var smallBatches = new MessagingProperties.Outbox(true, Duration.ofMillis(200), 20, Duration.ofSeconds(10),
                Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofDays(7), Duration.ofHours(1));
        OutboxRelay first = new OutboxRelay(outboxRepository, transactionManager, withNetworkLatency(kafka), smallBatches);
        OutboxRelay second = new OutboxRelay(outboxRepository, transactionManager, withNetworkLatency(kafka), smallBatches);
        String run = UUID.randomUUID().toString().substring(0, 8);
        try {
            withAutoRelayStopped(() -> {
                inTransaction(() -> {
                    // interleaved, as concurrent checkouts would write them
                    for (int version = 1; version <= versions; version++) {
                        for (int aggregate = 0; aggregate < aggregates; aggregate++) {
                            publisher.publish(topic, new TestEvent(run + "-" + aggregate, "v" + version), version);
                        }
                    }
                    return null;
                });
                runConcurrentlyUntilOutboxIsEmpty(first, second);
            });
        } finally {
            first.destroy();
            second.destroy();
        }

        assertThat(first.sentTotal()).as("first relay took part").isPositive();
        assertThat(second.sentTotal()).as("second relay took part").isPositive();
        assertThat(first.sentTotal() + second.sentTotal()).isEqualTo(aggregates * versions);
        List<ConsumerRecord<String, String>> records;
        try (TopicReader reader = reader(topic)) {
            records = reader.readToEnd();
        }
        Map<UUID, Long> sendsPerEvent = records.stream()
                .collect(Collectors.groupingBy(r -> envelopes.parse(r.value()).eventId(), Collectors.counting()));
        assertThat(sendsPerEvent).hasSize(aggregates * versions);
        assertThat(sendsPerEvent.values()).allMatch(count -> count == 1);
        // records of one key share a partition, so offsets order them: versions must be 1..125
        Map<String, List<Long>> versionsPerAggregate = records.stream()
                .sorted((a, b) -> Long.compare(a.offset(), b.offset()))
                .map(r -> envelopes.parse(r.value()))
                .collect(Collectors.groupingBy(EventEnvelope::aggregateId,
                        Collectors.mapping(EventEnvelope::aggregateVersion, Collectors.toList())));
        List<Long> expectedOrder = LongStream.rangeClosed(1, versions).boxed().toList();
        assertThat(versionsPerAggregate).hasSize(aggregates)
                .allSatisfy((aggregate, order) -> assertThat(order).as(aggregate).isEqualTo(expectedOrder));
    }

    @Test
    void failedSendIsRetriedWithExponentialBackoffAndTheErrorRecorded() {
        @SuppressWarnings("unchecked")
        KafkaOperations<String, String> brokerDown = mock(KafkaOperations.class);
        when(brokerDown.send(any(ProducerRecord.class)))
                .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("broker unreachable")));
        var tenMinuteBackoff = new MessagingProperties.Outbox(true, Duration.ofMillis(200), 100, Duration.ofSeconds(10),
                Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofDays(7), Duration.ofHours(1));
        OutboxRelay failing = new OutboxRelay(outboxRepository, transactionManager, brokerDown, tenMinuteBackoff);
        List<UUID> ids = new ArrayList<>();

        withAutoRelayStopped(() -> {
            ids.add(publishCommitted(newTopic(1), new TestEvent("order-" + UUID.randomUUID(), "retry me")).eventId());
            UUID id = ids.getFirst();

            OutboxRelay.BatchResult first = failing.relayBatch();
            assertThat(first.failed()).isEqualTo(1);
            assertThat(first.sent()).isZero();
            assertThat(retryState(id)).containsEntry("attempts", 1).containsEntry("minutes_to_retry", 10L);
            assertThat(jdbc.queryForObject("SELECT last_error FROM outbox WHERE id = ?", String.class, id))
                    .contains("broker unreachable");
            assertThat(failing.relayBatch().claimed()).as("not due again yet").isZero();

            makeDue(id);
            failing.relayBatch();
            assertThat(retryState(id)).as("backoff doubles").containsEntry("attempts", 2)
                    .containsEntry("minutes_to_retry", 20L);
            makeDue(id);
        });

        // the broker is back: the real relay sends it
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(sentAt(ids.getFirst())).isNotNull());
        assertThat(retryState(ids.getFirst())).containsEntry("attempts", 2);
    }

    private Map<String, Object> retryState(UUID id) {
        return jdbc.queryForMap("""
                SELECT attempts, round(extract(epoch FROM next_attempt_at - now()) / 60)::bigint AS minutes_to_retry
                FROM outbox WHERE id = ?""", id);
    }

    private void makeDue(UUID id) {
        jdbc.update("UPDATE outbox SET next_attempt_at = now() WHERE id = ?", id);
    }

    @Test
    void cleanUpDeletesOnlySentRowsOlderThanTheRetention() {
        String topic = newTopic(1);
        List<UUID> ids = new ArrayList<>();
        withAutoRelayStopped(() -> inTransaction(() -> {
            for (String note : List.of("old", "recent", "unsent")) {
                ids.add(publisher.publish(topic, new TestEvent("order-" + UUID.randomUUID(), note)).eventId());
            }
            jdbc.update("UPDATE outbox SET sent_at = now() - interval '8 days' WHERE id = ?", ids.get(0));
            jdbc.update("UPDATE outbox SET sent_at = now() - interval '6 days' WHERE id = ?", ids.get(1));
            // an old unsent row must survive whatever its age
            jdbc.update("UPDATE outbox SET created_at = now() - interval '30 days', next_attempt_at = now() + interval '1 hour' WHERE id = ?", ids.get(2));
            return null;
        }));

        Map<UUID, OffsetDateTime> left;
        try {
            relay.cleanUp();
            left = jdbc.query("SELECT id, sent_at FROM outbox WHERE id = ANY (?::uuid[])",
                        rs -> {
                            Map<UUID, OffsetDateTime> rows = new HashMap<>();
                            while (rs.next()) {
                                rows.put(rs.getObject("id", UUID.class), rs.getObject("sent_at", OffsetDateTime.class));
                            }
                            return rows;
                        }, "{" + ids.stream().map(UUID::toString).collect(Collectors.joining(",")) + "}");
        } finally {
            jdbc.update("DELETE FROM outbox WHERE id = ?", ids.get(2)); // no stuck row for other tests
        }
        assertThat(left.keySet()).as("the recent sent row and the unsent one").containsExactlyInAnyOrder(ids.get(1), ids.get(2));
    }

    /** Jitter before each send, as between two pods, so racing relays would interleave their sends. */
    @SuppressWarnings("unchecked")
    private static KafkaOperations<String, String> withNetworkLatency(KafkaOperations<String, String> kafka) {
        KafkaOperations<String, String> slow = mock(KafkaOperations.class);
        when(slow.send(any(ProducerRecord.class))).thenAnswer(call -> {
            Thread.sleep(ThreadLocalRandom.current().nextInt(3));
            return kafka.send(call.<ProducerRecord<String, String>>getArgument(0));
        });
        return slow;
    }

    private OffsetDateTime sentAt(UUID id) {
        return jdbc.queryForObject("SELECT sent_at FROM outbox WHERE id = ?", OffsetDateTime.class, id);
    }

    private void runConcurrentlyUntilOutboxIsEmpty(OutboxRelay... relays) {
        ExecutorService pool = Executors.newFixedThreadPool(relays.length);
        CountDownLatch start = new CountDownLatch(1);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (OutboxRelay each : relays) {
                running.add(pool.submit(() -> {
                    start.await();
                    while (unsentRows() > 0 && System.nanoTime() < deadline) {
                        each.relayBatch();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : running) {
                f.get();
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
        assertThat(unsentRows()).isZero();
    }
}
