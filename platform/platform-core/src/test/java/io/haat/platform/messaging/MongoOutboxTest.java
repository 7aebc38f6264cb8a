package io.haat.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.haat.events.DomainEvent;
import io.haat.platform.messaging.mongo.MongoOutbox;
import io.haat.platform.messaging.mongo.MongoOutboxProperties;
import io.haat.platform.messaging.mongo.MongoOutboxRelay;
import io.haat.platform.messaging.mongo.MongoOutboxStore;
import io.haat.platform.messaging.outbox.OutboxRelayLoop;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaOperations;

/**
 * The MongoDB outbox (auto-configured beside the JDBC one, against mongo-java-server): events written with the
 * document are published in order and then removed from it; leases keep relays apart; failures back off.
 */
class MongoOutboxTest extends MessagingIntegrationTest {

    private static final String COLLECTION = "outbox_test_things";

    @Autowired
    private MongoOutbox outbox;
    @Autowired
    private MongoOutboxRelay mongoRelay;
    @Autowired
    private MongoTemplate mongo;
    @Autowired
    private EventEnvelopes envelopes;

    /** A test event. */
    record ThingHappened(String thingId, int step) implements DomainEvent {
        @Override
        public String aggregateId() {
            return thingId;
        }
    }

    /** A test document. */
    @org.springframework.data.mongodb.core.mapping.Document(COLLECTION)
    record Thing(String id, int step) {
    }

    @Test
    void eventsOfADocumentArePublishedInOrderWithItsIdAsKeyAndThenRemoved() {
        String topic = newTopic(1);
        outbox.register(Thing.class);
        String id = UUID.randomUUID().toString();
        outbox.insert(new Thing(id, 1), List.of(outbox.event(topic, new ThingHappened(id, 1), 1),
                outbox.event(topic, new ThingHappened(id, 2), 1)));
        outbox.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("step", 3), Thing.class,
                List.of(outbox.event(topic, new ThingHappened(id, 3), 2)));

        List<ConsumerRecord<String, String>> records = read(topic, id, 3);
        assertThat(records).extracting(ConsumerRecord::key).containsOnly(id);
        assertThat(records).extracting(r -> envelopes.parse(r.value(), ThingHappened.class).payload().step())
                .containsExactly(1, 2, 3);
        assertThat(envelopes.parse(records.getFirst().value()).type()).isEqualTo("ThingHappened");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Document doc = mongo.findById(id, Document.class, COLLECTION);
            return doc.getList(MongoOutbox.FIELD, Document.class, List.of()).isEmpty()
                    && !doc.containsKey(MongoOutbox.LEASE_FIELD);
        });
        assertThat(mongo.findById(id, Document.class, COLLECTION).getInteger("step")).isEqualTo(3);
    }

    @Test
    void standaloneEventsArePublishedAndTheirDocumentDeleted() {
        String topic = newTopic(1);
        String id = UUID.randomUUID().toString();
        outbox.insertStandalone(List.of(outbox.event(topic, new ThingHappened(id, 9), 0)));

        assertThat(read(topic, id, 1)).hasSize(1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> mongo.count(new Query(), outbox.standaloneCollection()) == 0);
    }

    @Test
    void aDocumentLeasedByAnotherRelayWaitsForTheLeaseToExpire() {
        String topic = newTopic(1);
        outbox.register(Thing.class);
        String id = UUID.randomUUID().toString();
        Document leased = new Document("_id", id).append("step", 1)
                .append(MongoOutbox.LEASE_FIELD, new Date(System.currentTimeMillis() + 3_000))
                .append(MongoOutbox.FIELD, List.of(pendingEvent(topic, id, "{\"leased\":true}")));
        mongo.insert(leased, COLLECTION);
        long start = System.nanoTime();

        read(topic, id, 1);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(2_000));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFailedSendKeepsTheUnsentEventsLeasedForABackoffThatDoublesAndRemovesTheSentOnes() {
        String topic = newTopic(1);
        outbox.register(COLLECTION);
        String id = UUID.randomUUID().toString();
        KafkaOperations<String, String> secondRefused = mock(KafkaOperations.class);
        when(secondRefused.send(any(ProducerRecord.class))).thenAnswer(call ->
                call.<ProducerRecord<String, String>>getArgument(0).value().contains("second")
                        ? CompletableFuture.failedFuture(new IllegalStateException("broker unreachable"))
                        : CompletableFuture.completedFuture(null));
        var tenMinuteBackoff = new MongoOutboxProperties(true, MongoOutbox.DEFAULT_STANDALONE_COLLECTION,
                Duration.ofMillis(200), 100, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(10),
                Duration.ofHours(1));
        var failing = new MongoOutboxRelay(new MongoOutboxStore(mongo, outbox, Duration.ofSeconds(30),
                Clock.systemUTC()), secondRefused, tenMinuteBackoff);

        mongoRelay.stop();
        try {
            mongo.insert(new Document("_id", id).append(MongoOutbox.FIELD, List.of(
                    pendingEvent(topic, id, "{\"n\":\"first\"}"), pendingEvent(topic, id, "{\"n\":\"second\"}"))),
                    COLLECTION);

            OutboxRelayLoop.BatchResult first = failing.relayBatch();
            assertThat(first.sent()).isEqualTo(1);
            assertThat(first.failed()).isEqualTo(1);
            Document afterFirst = mongo.findById(id, Document.class, COLLECTION);
            assertThat(afterFirst.getList(MongoOutbox.FIELD, Document.class)).extracting(e -> e.getString("envelope"))
                    .as("the acknowledged event is removed").containsExactly("{\"n\":\"second\"}");
            assertThat(afterFirst.getInteger(MongoOutbox.ATTEMPTS_FIELD)).isEqualTo(1);
            assertThat(minutesOfLease(afterFirst)).isEqualTo(10);
            assertThat(failing.relayBatch().claimed()).as("leased for the backoff").isZero();

            makeDue(id);
            failing.relayBatch();
            Document afterSecond = mongo.findById(id, Document.class, COLLECTION);
            assertThat(afterSecond.getInteger(MongoOutbox.ATTEMPTS_FIELD)).isEqualTo(2);
            assertThat(minutesOfLease(afterSecond)).as("backoff doubles").isEqualTo(20);
            makeDue(id);
        } finally {
            mongoRelay.start();
        }

        // Kafka takes it again: the auto-configured relay sends the rest and clears the retry state
        assertThat(read(topic, id, 1)).extracting(ConsumerRecord::value).containsExactly("{\"n\":\"second\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Document doc = mongo.findById(id, Document.class, COLLECTION);
            return doc.getList(MongoOutbox.FIELD, Document.class).isEmpty()
                    && !doc.containsKey(MongoOutbox.ATTEMPTS_FIELD);
        });
    }

    private static Document pendingEvent(String topic, String key, String envelope) {
        return new Document("eventId", UUID.randomUUID().toString()).append("topic", topic).append("key", key)
                .append("envelope", envelope).append("headers", new Document());
    }

    private void makeDue(String id) {
        mongo.getCollection(COLLECTION).updateOne(new Document("_id", id),
                new Document("$unset", new Document(MongoOutbox.LEASE_FIELD, "")));
    }

    private static long minutesOfLease(Document doc) {
        Instant until = doc.getDate(MongoOutbox.LEASE_FIELD).toInstant();
        return Math.round(Duration.between(Instant.now(), until).toSeconds() / 60.0);
    }

    private List<ConsumerRecord<String, String>> read(String topic, String key, int count) {
        try (TopicReader reader = reader(topic)) {
            return reader.readUntil(r -> key.equals(r.key()), count);
        }
    }
}
