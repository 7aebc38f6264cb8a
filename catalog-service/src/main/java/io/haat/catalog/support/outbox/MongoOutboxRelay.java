package io.haat.catalog.support.outbox;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaOperations;

/**
 * Publishes the pending events of {@link MongoOutbox} documents to Kafka, in their order, and removes them once
 * acknowledged. A relay leases a document before sending ({@value MongoOutbox#LEASE_FIELD}), so several instances
 * do not send the same events at once; a relay that dies leaves the lease to expire and another sends them.
 * Delivery is at least once (a crash between the acknowledgement and the removal sends again): consumers are
 * idempotent by {@code eventId}.
 */
public class MongoOutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MongoOutboxRelay.class);

    private final MongoTemplate mongo;
    private final MongoOutbox outbox;
    private final KafkaOperations<String, String> kafka;
    private final MongoOutboxProperties settings;
    private final Clock clock;
    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicLong sentTotal = new AtomicLong();
    private volatile boolean running;
    private volatile Thread worker;

    public MongoOutboxRelay(MongoTemplate mongo, MongoOutbox outbox, KafkaOperations<String, String> kafka,
                            MongoOutboxProperties settings, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.kafka = kafka;
        this.settings = settings;
        this.clock = clock;
        outbox.onWrite(this::wakeUp);
    }

    /** One leased document and the futures of its sends. */
    private record Claimed(String collection, Object id, List<Document> events, int attempts,
                           List<CompletableFuture<?>> sends) {
    }

    public void wakeUp() {
        wakeUps.release();
    }

    public long sentTotal() {
        return sentTotal.get();
    }

    /** Leases up to a batch of documents per collection, sends their events and settles them; returns events sent. */
    public int relayOnce() {
        List<Claimed> claimed = new ArrayList<>();
        for (String collection : outbox.collections()) {
            for (int i = 0; i < settings.batchSize(); i++) {
                Claimed doc = claim(collection);
                if (doc == null) {
                    break;
                }
                claimed.add(doc);
            }
        }
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        int sent = 0;
        for (Claimed doc : claimed) {
            sent += settle(doc, deadline);
        }
        sentTotal.addAndGet(sent);
        return sent;
    }

    private Claimed claim(String collection) {
        Instant now = clock.instant();
        Bson free = or(exists(MongoOutbox.LEASE_FIELD, false), lt(MongoOutbox.LEASE_FIELD, Date.from(now)));
        Document doc = collection(collection).findOneAndUpdate(
                and(exists(MongoOutbox.FIELD + ".eventId", true), free),
                Updates.set(MongoOutbox.LEASE_FIELD, Date.from(now.plus(settings.lease()))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)
                        .projection(Projections.include(MongoOutbox.FIELD, MongoOutbox.ATTEMPTS_FIELD)));
        if (doc == null) {
            return null;
        }
        List<Document> events = doc.getList(MongoOutbox.FIELD, Document.class, List.of());
        List<CompletableFuture<?>> sends = new ArrayList<>(events.size());
        for (Document event : events) {
            sends.add(send(event));
        }
        return new Claimed(collection, doc.get("_id"), events, doc.getInteger(MongoOutbox.ATTEMPTS_FIELD, 0), sends);
    }

    private CompletableFuture<?> send(Document event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.getString("topic"), event.getString("key"),
                event.getString("envelope"));
        Document headers = event.get("headers", Document.class);
        if (headers != null) {
            headers.forEach((name, value) -> record.headers()
                    .add(new RecordHeader(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8))));
        }
        try {
            return kafka.send(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    // removes the acknowledged prefix; the rest stays pending, retried after a backoff so one aggregate's
    // events keep their order
    private int settle(Claimed doc, long deadline) {
        List<Object> sentIds = new ArrayList<>();
        Throwable failure = null;
        for (int i = 0; i < doc.events().size(); i++) {
            try {
                doc.sends().get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                sentIds.add(doc.events().get(i).get("eventId"));
            } catch (ExecutionException | TimeoutException e) {
                failure = e instanceof ExecutionException ? e.getCause() : e;
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
                break;
            }
        }
        MongoCollection<Document> collection = collection(doc.collection());
        Bson pull = Updates.pull(MongoOutbox.FIELD, new Document("eventId", new Document("$in", sentIds)));
        if (failure == null) {
            collection.updateOne(eq("_id", doc.id()), Updates.combine(pull, Updates.unset(MongoOutbox.LEASE_FIELD),
                    Updates.unset(MongoOutbox.ATTEMPTS_FIELD)));
            if (MongoOutbox.STANDALONE_COLLECTION.equals(doc.collection())) {
                collection.deleteOne(and(eq("_id", doc.id()), com.mongodb.client.model.Filters.size(MongoOutbox.FIELD, 0)));
            }
        } else {
            Duration retryAfter = backoff(doc.attempts());
            log.warn("outbox events of {} {} not sent (attempt {}), retrying in {}: {}", doc.collection(), doc.id(),
                    doc.attempts() + 1, retryAfter, failure.toString());
            List<Bson> updates = new ArrayList<>(List.of(
                    Updates.set(MongoOutbox.LEASE_FIELD, Date.from(clock.instant().plus(retryAfter))),
                    Updates.inc(MongoOutbox.ATTEMPTS_FIELD, 1)));
            if (!sentIds.isEmpty()) {
                updates.add(pull);
            }
            collection.updateOne(eq("_id", doc.id()), Updates.combine(updates));
        }
        return sentIds.size();
    }

    private Duration backoff(int previousAttempts) {
        Duration max = settings.retryBackoffMax();
        Duration delay = settings.retryBackoff().multipliedBy(1L << Math.min(previousAttempts, 30));
        return delay.compareTo(max) > 0 || delay.isNegative() ? max : delay;
    }

    private MongoCollection<Document> collection(String name) {
        return mongo.getCollection(name);
    }

    // ---- lifecycle: one background thread per instance ----------------------------------------

    @Override
    public void start() {
        if (running || !settings.relayEnabled()) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().daemon().name("mongo-outbox-relay").start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = worker;
        wakeUps.release();
        if (thread != null) {
            try {
                thread.join(settings.sendTimeout().plusSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops the relay and closes its producer. */
    public void destroy() {
        stop();
        if (kafka instanceof org.springframework.kafka.core.KafkaTemplate<String, String> template) {
            template.destroy();
        }
    }

    private void loop() {
        while (running) {
            int sent = 0;
            try {
                sent = relayOnce();
            } catch (RuntimeException e) {
                log.warn("mongo outbox relay round failed, retrying at next poll: {}", e.toString());
                log.debug("mongo outbox relay failure", e);
            }
            if (sent == 0) {
                try {
                    wakeUps.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }
}
