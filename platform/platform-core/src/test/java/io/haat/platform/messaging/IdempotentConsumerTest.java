package io.haat.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.haat.events.EventEnvelope;
import io.haat.events.inventory.StockLevelChanged;
import io.haat.platform.messaging.consumer.ProcessedEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Consumers: duplicates become one effect; failures end on the dead-letter topic after bounded retries. */
class IdempotentConsumerTest extends MessagingIntegrationTest {

    @Autowired
    private EventEnvelopes envelopes;
    @Autowired
    private ProcessedEvents processedEvents;

    @Test
    void eventDeliveredThreeTimesHasOneEffect() throws Exception {
        String orderId = "order-" + UUID.randomUUID();
        EventEnvelope<TestEvent> event = EventEnvelope.of(new TestEvent(orderId, "three times"), 1);
        String json = envelopes.toJson(event);

        for (int i = 0; i < 3; i++) {
            kafka.send(TestListeners.EFFECTS, orderId, json).get();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(listeners.deliveries(TestListeners.EFFECTS, event.eventId().toString())).isEqualTo(3));
        assertThat(listeners.effects(event.eventId())).isEqualTo(1);
        assertThat(processedEvents.isProcessed(TestListeners.EFFECTS_GROUP, event.eventId())).isTrue();
    }

    @Test
    void effectThatFailsCommitsNothingSoARedeliveryRunsItAgain() {
        UUID eventId = UUID.randomUUID();
        AtomicInteger runs = new AtomicInteger();

        boolean firstRan = false;
        try {
            firstRan = processedEvents.runOnce("some-group", eventId, () -> {
                runs.incrementAndGet();
                throw new IllegalStateException("effect failed");
            });
        } catch (IllegalStateException expected) {
            // the listener would rethrow and Kafka redeliver
        }
        boolean secondRan = processedEvents.runOnce("some-group", eventId, runs::incrementAndGet);
        boolean thirdRan = processedEvents.runOnce("some-group", eventId, runs::incrementAndGet);
        boolean otherGroupRan = processedEvents.runOnce("another-group", eventId, runs::incrementAndGet);

        assertThat(firstRan).isFalse();
        assertThat(secondRan).isTrue();
        assertThat(thirdRan).isFalse();
        assertThat(otherGroupRan).as("each consumer group applies the event once").isTrue();
        assertThat(runs).hasValue(3);
    }

    @Test
    void handlerThatAlwaysFailsSendsTheMessageToTheDeadLetterTopicAfterTheConfiguredAttempts() throws Exception {
        String orderId = "order-" + UUID.randomUUID();
        EventEnvelope<TestEvent> event = EventEnvelope.of(new TestEvent(orderId, "poison"), 1);
        String json = envelopes.toJson(event);

        // partition 2 of 3; the DLT has a single partition
        kafka.send(new ProducerRecord<>(TestListeners.ALWAYS_FAILS, 2, orderId, json)).get();

        ConsumerRecord<String, String> dead;
        try (TopicReader reader = reader(TestListeners.ALWAYS_FAILS + ".DLT")) {
            dead = reader.readUntil(r -> r.value().equals(json)).getLast();
        }
        assertThat(listeners.deliveries(TestListeners.ALWAYS_FAILS, event.eventId().toString()))
                .as("max-attempts=3").isEqualTo(3);
        assertThat(dead.key()).isEqualTo(orderId);
        assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(TestListeners.ALWAYS_FAILS);
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("handler failed for " + event.eventId());
    }

    @Test
    void aDatabaseThatIsDownIsWaitedForPastTheAttemptsNotADeadLetter() throws Exception {
        String orderId = "order-" + UUID.randomUUID();
        EventEnvelope<TestEvent> event = EventEnvelope.of(new TestEvent(orderId, "while postgres restarts"), 1);
        String json = envelopes.toJson(event);
        String id = event.eventId().toString();

        kafka.send(new ProducerRecord<>(TestListeners.DATABASE_DOWN, 0, orderId, json)).get();

        await().atMost(Duration.ofSeconds(30)).until(() ->
                listeners.deliveries(TestListeners.DATABASE_DOWN, id) == TestListeners.DATABASE_DOWN_FOR + 1);
        assertThat(TestListeners.DATABASE_DOWN_FOR + 1).as("more deliveries than max-attempts=3").isGreaterThan(3);
        try (TopicReader reader = reader(TestListeners.DATABASE_DOWN + ".DLT")) {
            assertThat(reader.readToEnd()).as("nothing dead-lettered").isEmpty();
        }
    }

    @Test
    void aMessageAwaitingAnotherEventIsRetriedPastTheAttemptsUntilItComes() throws Exception {
        String orderId = "order-" + UUID.randomUUID();
        EventEnvelope<TestEvent> event = EventEnvelope.of(new TestEvent(orderId, "payment before its order"), 1);
        String id = event.eventId().toString();

        kafka.send(new ProducerRecord<>(TestListeners.AWAITING, 0, orderId, envelopes.toJson(event))).get();

        await().atMost(Duration.ofSeconds(30)).until(() ->
                listeners.deliveries(TestListeners.AWAITING, id) == TestListeners.OTHER_EVENT_LATE_FOR + 1);
        try (TopicReader reader = reader(TestListeners.AWAITING + ".DLT")) {
            assertThat(reader.readToEnd()).as("nothing dead-lettered").isEmpty();
        }
    }

    @Test
    void aMessageAwaitingAnEventThatNeverComesIsDeadLetteredAfterTheWait() throws Exception {
        String orderId = "order-" + UUID.randomUUID();
        EventEnvelope<TestEvent> event = EventEnvelope.of(new TestEvent(orderId, "an order that never comes"), 1);

        kafka.send(new ProducerRecord<>(TestListeners.NEVER_COMES, 0, orderId, envelopes.toJson(event))).get();

        try (TopicReader reader = reader(TestListeners.NEVER_COMES + ".DLT")) {
            ConsumerRecord<String, String> dead = reader.readUntil(r -> orderId.equals(r.key())).getLast();
            assertThat(header(dead, "kafka_dlt-exception-message")).contains("not known yet");
        }
        assertThat(listeners.deliveries(TestListeners.NEVER_COMES, event.eventId().toString()))
                .as("waited past max-attempts=3 (await-another-event-for=1s)").isGreaterThan(3);
    }

    @Test
    void messageThatIsNotAnEnvelopeGoesToTheDeadLetterTopicWithoutRetries() throws Exception {
        String garbage = "not json at all " + UUID.randomUUID();

        kafka.send(new ProducerRecord<>(TestListeners.STRICT, 1, "some-key", garbage)).get();

        try (TopicReader reader = reader(TestListeners.STRICT + ".DLT")) {
            reader.readUntil(r -> r.value().equals(garbage));
        }
        assertThat(listeners.deliveries(TestListeners.STRICT, garbage)).as("malformed: not retried").isEqualTo(1);
    }

    @Test
    void invalidEventsGoToTheDeadLetterTopicWithoutRetriesAndAreNeverApplied() throws Exception {
        String sku = "SKU-" + UUID.randomUUID();
        String valid = envelopes.toJson(EventEnvelope.of(new StockLevelChanged("store-1", sku, 5, 1, 4), 2));
        List<String> invalid = List.of(
                valid.replace("\"type\":\"StockLevelChanged\"", "\"type\":\"StockLevelChangedV9\""), // unknown type
                valid.replace("\"storeId\":\"store-1\",", ""),                                         // missing field
                valid.replace("\"storeId\":\"store-1\"", "\"storeId\":\"store 1\\u0000\""),          // id that does not parse
                valid.replace("\"aggregateVersion\":2", "\"aggregateVersion\":-2"));                     // unsupported version

        for (String value : invalid) {
            assertThat(value).isNotEqualTo(valid);
            kafka.send(new ProducerRecord<>(TestListeners.ROUTED, "store-1:" + sku, value)).get();
        }
        kafka.send(new ProducerRecord<>(TestListeners.ROUTED, "store-1:" + sku, valid)).get();

        List<ConsumerRecord<String, String>> dead;
        try (TopicReader reader = reader(TestListeners.ROUTED + ".DLT")) {
            dead = reader.readUntil(r -> invalid.contains(r.value()), invalid.size());
        }
        assertThat(dead).extracting(ConsumerRecord::value).containsAll(invalid).doesNotContain(valid);
        await().untilAsserted(() -> assertThat(listeners.deliveries(TestListeners.ROUTED + ".applied", sku))
                .as("the valid event is applied").isEqualTo(1));
        invalid.forEach(value -> assertThat(listeners.deliveries(TestListeners.ROUTED, value))
                .as("invalid: not retried").isEqualTo(1));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        assertThat(header).as(name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
