package io.haat.catalog.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.haat.catalog.CatalogTest;
import io.haat.catalog.TopicProbe;
import io.haat.events.DomainEvent;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** The MongoDB outbox: events written with the document are published in order, then removed from it. */
class MongoOutboxTest extends CatalogTest {

    private static final String TOPIC = "test.outbox";
    private static final String COLLECTION = "outbox_test_things";

    @Autowired
    MongoOutbox outbox;

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
        outbox.register(Thing.class);
        String id = UUID.randomUUID().toString();
        outbox.insert(new Thing(id, 1), List.of(outbox.event(TOPIC, new ThingHappened(id, 1), 1),
                outbox.event(TOPIC, new ThingHappened(id, 2), 1)));
        outbox.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("step", 3), Thing.class,
                List.of(outbox.event(TOPIC, new ThingHappened(id, 3), 2)));

        var records = TopicProbe.await(TOPIC, r -> id.equals(r.key()), 3);
        assertThat(records).extracting(r -> json.readTree(r.value()).get("payload").get("step").asInt())
                .containsExactly(1, 2, 3);
        assertThat(json.readTree(records.getFirst().value()).get("type").asString()).isEqualTo("ThingHappened");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Document doc = mongo.findById(id, Document.class, COLLECTION);
            return doc.getList(MongoOutbox.FIELD, Document.class, List.of()).isEmpty()
                    && !doc.containsKey(MongoOutbox.LEASE_FIELD);
        });
        assertThat(mongo.findById(id, Document.class, COLLECTION).getInteger("step")).isEqualTo(3);
    }

    @Test
    void standaloneEventsArePublishedAndTheirDocumentDeleted() {
        String id = UUID.randomUUID().toString();
        outbox.insertStandalone(List.of(outbox.event(TOPIC, new ThingHappened(id, 9), 0)));
        assertThat(TopicProbe.await(TOPIC, r -> id.equals(r.key()), 1)).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.count(new Query(), MongoOutbox.STANDALONE_COLLECTION) == 0);
    }

    @Test
    void aDocumentLeasedByAnotherRelayWaitsForTheLeaseToExpire() {
        outbox.register(Thing.class);
        String id = UUID.randomUUID().toString();
        Document leased = new Document("_id", id).append("step", 1)
                .append(MongoOutbox.LEASE_FIELD, new Date(System.currentTimeMillis() + 3_000))
                .append(MongoOutbox.FIELD, List.of(new Document("eventId", UUID.randomUUID().toString())
                        .append("topic", TOPIC).append("key", id).append("envelope", "{\"leased\":true}")
                        .append("headers", new Document())));
        mongo.insert(leased, COLLECTION);
        long start = System.nanoTime();
        TopicProbe.await(TOPIC, r -> id.equals(r.key()), 1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(2_000));
    }
}
