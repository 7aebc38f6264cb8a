package io.haat.platform.messaging.mongo;

import com.mongodb.client.result.UpdateResult;
import io.haat.events.DomainEvent;
import io.haat.events.EventEnvelope;
import io.haat.platform.messaging.EventEnvelopes;
import io.haat.platform.messaging.outbox.TraceHeaders;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The transactional outbox for MongoDB, which has no multi-document transactions here: the events of a change
 * are pushed into the {@value #FIELD} array of the document that changes, in the same single-document write,
 * and {@link MongoOutboxRelay} publishes them later. A crash after the write leaves them pending; a failed write
 * takes them with it. Collections whose documents carry events are {@link #register registered} for the relay
 * (at start-up, e.g. in a {@code @PostConstruct}, so events left pending by a crash are found again).
 * Auto-configured wherever the service has a {@link MongoTemplate}.
 */
public class MongoOutbox {

    /** The array of {@link PendingEvent}s in a document. */
    public static final String FIELD = "outbox";
    /** Until when a relay holds the document's pending events. */
    public static final String LEASE_FIELD = "outboxLeaseUntil";
    /** Failed relay attempts of the document's current events (drives the retry backoff). */
    public static final String ATTEMPTS_FIELD = "outboxAttempts";
    /** The default collection where events wait that belong to no surviving document (e.g. a deletion). */
    public static final String DEFAULT_STANDALONE_COLLECTION = "outbox";

    private final MongoTemplate mongo;
    private final EventEnvelopes envelopes;
    private final TraceHeaders traceHeaders;
    private final Clock clock;
    private final String standaloneCollection;
    private final Runnable afterWrite;
    private final Set<String> collections = ConcurrentHashMap.newKeySet();

    /**
     * @param standaloneCollection where events of deleted documents wait
     * @param afterWrite           runs after a write that added events (wakes the relay)
     */
    public MongoOutbox(MongoTemplate mongo, EventEnvelopes envelopes, TraceHeaders traceHeaders, Clock clock,
                       String standaloneCollection, Runnable afterWrite) {
        this.mongo = mongo;
        this.envelopes = envelopes;
        this.traceHeaders = traceHeaders;
        this.clock = clock;
        this.standaloneCollection = standaloneCollection;
        this.afterWrite = afterWrite;
        register(standaloneCollection);
    }

    /** Makes the relay look for pending events in the collection of this document type. */
    public void register(Class<?> documentType) {
        register(mongo.getCollectionName(documentType));
    }

    /** Makes the relay look for pending events in this collection. */
    public void register(String collection) {
        if (collections.add(collection)) {
            // sparse: only documents with pending events are in the index the relay queries
            mongo.indexOps(collection).createIndex(new Index(FIELD + ".eventId", Sort.Direction.ASC).sparse());
        }
    }

    /** The collections the relay looks in. */
    public Set<String> collections() {
        return Set.copyOf(collections);
    }

    /** Where events of deleted documents wait (their documents are deleted once the events are sent). */
    public String standaloneCollection() {
        return standaloneCollection;
    }

    /** Wraps an event in a fresh envelope (key = aggregate id) with the current trace context as headers. */
    public PendingEvent event(String topic, DomainEvent event, long aggregateVersion) {
        EventEnvelope<DomainEvent> envelope = EventEnvelope.of(event, aggregateVersion, clock.instant());
        return new PendingEvent(envelope.eventId().toString(), topic, event.aggregateId(), envelopes.toJson(envelope),
                traceHeaders.current(), envelope.occurredAt());
    }

    /** Inserts a new document together with its events. */
    public void insert(Object entity, List<PendingEvent> events) {
        Document document = new Document();
        mongo.getConverter().write(entity, document);
        if (!events.isEmpty()) {
            document.put(FIELD, toDocuments(events));
        }
        mongo.insert(document, mongo.getCollectionName(entity.getClass()));
        wakeUp(events);
    }

    /** Updates the first matching document and appends the events to it, atomically. */
    public UpdateResult updateFirst(Query query, Update update, Class<?> documentType, List<PendingEvent> events) {
        UpdateResult result = mongo.updateFirst(query, withEvents(update, events), documentType);
        if (result.getMatchedCount() > 0) {
            wakeUp(events);
        }
        return result;
    }

    /** Like {@link MongoTemplate#findAndModify}, appending the events to the modified document. */
    public <T> T findAndModify(Query query, Update update, FindAndModifyOptions options, Class<T> documentType,
                               List<PendingEvent> events) {
        T result = mongo.findAndModify(query, withEvents(update, events), options, documentType);
        if (result != null) {
            wakeUp(events);
        }
        return result;
    }

    /** Stores events that have no document to live in (the document was deleted), in their own document. */
    public void insertStandalone(List<PendingEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        mongo.insert(new Document("_id", UUID.randomUUID().toString()).append(FIELD, toDocuments(events)),
                standaloneCollection);
        wakeUp(events);
    }

    private Update withEvents(Update update, List<PendingEvent> events) {
        if (!events.isEmpty()) {
            update.push(FIELD).each(toDocuments(events).toArray());
        }
        return update;
    }

    private void wakeUp(List<PendingEvent> events) {
        if (!events.isEmpty()) {
            afterWrite.run();
        }
    }

    private static List<Document> toDocuments(List<PendingEvent> events) {
        List<Document> documents = new ArrayList<>(events.size());
        for (PendingEvent e : events) {
            Document headers = new Document();
            e.headers().forEach(headers::append);
            documents.add(new Document("eventId", e.eventId()).append("topic", e.topic()).append("key", e.key())
                    .append("envelope", e.envelope()).append("headers", headers)
                    .append("createdAt", Date.from(e.createdAt())));
        }
        return documents;
    }
}
