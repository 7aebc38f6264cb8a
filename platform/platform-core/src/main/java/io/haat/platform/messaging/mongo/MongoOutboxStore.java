package io.haat.platform.messaging.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.size;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.haat.platform.messaging.outbox.OutboxRecord;
import io.haat.platform.messaging.outbox.OutboxStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The documents of a {@link MongoOutbox} as the relay loop sees them. A relay leases a document before sending
 * ({@value MongoOutbox#LEASE_FIELD}), so several instances do not send the same events at once; a relay that dies
 * leaves the lease to expire and another sends them. Sent events are {@code $pull}ed by id, so events appended
 * meanwhile stay pending; a failed document is leased for the backoff, which keeps one aggregate's events in order.
 */
public class MongoOutboxStore implements OutboxStore<MongoOutboxStore.LeasedDocument> {

    private final MongoTemplate mongo;
    private final MongoOutbox outbox;
    private final Duration lease;
    private final Clock clock;

    public MongoOutboxStore(MongoTemplate mongo, MongoOutbox outbox, Duration lease, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.lease = lease;
        this.clock = clock;
    }

    /** One leased document: its pending events, in the order they were written. */
    public record LeasedDocument(String collection, Object id, List<Object> eventIds, List<OutboxRecord> records,
                                 int attempts) implements OutboxStore.Entry {

        @Override
        public String label() {
            return "outbox events of " + collection + " " + id;
        }
    }

    /** Leases up to {@code limit} documents with pending events in each registered collection. */
    @Override
    public List<LeasedDocument> claimBatch(int limit) {
        List<LeasedDocument> claimed = new ArrayList<>();
        for (String collection : outbox.collections()) {
            for (int i = 0; i < limit; i++) {
                LeasedDocument document = lease(collection);
                if (document == null) {
                    break;
                }
                claimed.add(document);
            }
        }
        return claimed;
    }

    @Override
    public void markSent(List<LeasedDocument> entries) {
        for (LeasedDocument document : entries) {
            MongoCollection<Document> collection = mongo.getCollection(document.collection());
            collection.updateOne(eq("_id", document.id()), Updates.combine(pull(document.eventIds()),
                    Updates.unset(MongoOutbox.LEASE_FIELD), Updates.unset(MongoOutbox.ATTEMPTS_FIELD)));
            if (outbox.standaloneCollection().equals(document.collection())) {
                collection.deleteOne(and(eq("_id", document.id()), size(MongoOutbox.FIELD, 0)));
            }
        }
    }

    @Override
    public void markFailed(LeasedDocument document, int sentCount, String error, Duration retryAfter) {
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.set(MongoOutbox.LEASE_FIELD, Date.from(clock.instant().plus(retryAfter))),
                Updates.inc(MongoOutbox.ATTEMPTS_FIELD, 1)));
        if (sentCount > 0) {
            updates.add(pull(document.eventIds().subList(0, sentCount)));
        }
        mongo.getCollection(document.collection()).updateOne(eq("_id", document.id()), Updates.combine(updates));
    }

    private LeasedDocument lease(String collection) {
        Instant now = clock.instant();
        Bson free = or(exists(MongoOutbox.LEASE_FIELD, false), lt(MongoOutbox.LEASE_FIELD, Date.from(now)));
        Document doc = mongo.getCollection(collection).findOneAndUpdate(
                and(exists(MongoOutbox.FIELD + ".eventId", true), free),
                Updates.set(MongoOutbox.LEASE_FIELD, Date.from(now.plus(lease))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)
                        .projection(Projections.include(MongoOutbox.FIELD, MongoOutbox.ATTEMPTS_FIELD)));
        if (doc == null) {
            return null;
        }
        List<Document> events = doc.getList(MongoOutbox.FIELD, Document.class, List.of());
        List<Object> eventIds = new ArrayList<>(events.size());
        List<OutboxRecord> records = new ArrayList<>(events.size());
        for (Document event : events) {
            eventIds.add(event.get("eventId"));
            records.add(new OutboxRecord(event.getString("topic"), event.getString("key"), event.getString("envelope"),
                    headers(event.get("headers", Document.class))));
        }
        return new LeasedDocument(collection, doc.get("_id"), eventIds, records,
                doc.getInteger(MongoOutbox.ATTEMPTS_FIELD, 0));
    }

    private static Map<String, String> headers(Document headers) {
        Map<String, String> values = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> values.put(name, String.valueOf(value)));
        }
        return values;
    }

    private static Bson pull(List<Object> eventIds) {
        return Updates.pull(MongoOutbox.FIELD, new Document("eventId", new Document("$in", eventIds)));
    }
}
