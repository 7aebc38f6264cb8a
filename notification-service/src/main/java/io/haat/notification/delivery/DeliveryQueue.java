package io.haat.notification.delivery;

import io.haat.notification.NotificationProperties;
import io.haat.notification.notice.Channel;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The deliveries waiting to be sent, in MongoDB. Enqueueing is an upsert by id, so a notification enqueued twice is
 * sent once; claiming is one {@code findOneAndUpdate} that takes the earliest due entry and moves it past a lease
 * (the SKIP LOCKED of this queue: concurrent workers never get the same entry, and failed ones wait their backoff
 * without holding up the others).
 * <p>
 * The queue ({@code deliveries}) holds only work: a finished delivery (sent, skipped, failed for good) moves to
 * {@value #FINISHED} — written there first, then removed from the queue — so the claim, the hottest query of this
 * service, never wades through history. A claimed entry whose outcome is already there is dropped unsent: one left
 * behind by a crash between the two writes, or a finished delivery queued again (a redelivered event). That check is
 * the worker's, not {@link #enqueue}'s, so the event consumers that enqueue pay no extra round trip.
 */
@Component
public class DeliveryQueue {

    /** Where finished deliveries go: the once-only record, and their outcome. */
    static final String FINISHED = "deliveries_finished";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final NotificationProperties.Delivery settings;

    public DeliveryQueue(MongoTemplate mongo, Clock clock, NotificationProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.settings = properties.delivery();
    }

    /** Adds the delivery unless it is queued already; one that finished is dropped unsent when claimed. */
    public void enqueue(String notificationId, String userId, Channel channel) {
        enqueue(notificationId, userId, List.of(channel));
    }

    /** Queues the notification's deliveries on {@code channels}, in one round trip; one already queued stays as it is. */
    public void enqueue(String notificationId, String userId, List<Channel> channels) {
        if (channels.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Delivery.class);
        for (Channel channel : channels) {
            bulk.upsert(byId(Delivery.idOf(notificationId, channel)), new Update()
                    .setOnInsert("notificationId", notificationId).setOnInsert("userId", userId)
                    .setOnInsert("channel", channel).setOnInsert("status", Delivery.Status.PENDING)
                    .setOnInsert("attempts", 0).setOnInsert("dueAt", now).setOnInsert("createdAt", now));
        }
        bulk.execute();
    }

    /** Takes the earliest due delivery for one attempt (counted now), or empty when none is due. */
    public Optional<Delivery> claim() {
        while (true) {
            Instant now = clock.instant();
            Query due = Query.query(Criteria.where("status").is(Delivery.Status.PENDING).and("dueAt").lte(now))
                    .with(Sort.by("dueAt"));
            Delivery claimed = mongo.findAndModify(due,
                    new Update().set("dueAt", now.plus(settings.lease())).inc("attempts", 1),
                    FindAndModifyOptions.options().returnNew(true), Delivery.class);
            if (claimed == null || !mongo.exists(byId(claimed.id()), FINISHED)) {
                return Optional.ofNullable(claimed);
            }
            mongo.remove(byId(claimed.id()), Delivery.class); // finished already: left by a crash, or queued again
        }
    }

    public void done(Delivery delivery, Delivery.Status status) {
        finish(delivery, status, null);
    }

    /** Schedules the next attempt after the backoff, or gives up (FAILED) when permanent or out of attempts. */
    public void failed(Delivery delivery, String error, boolean permanent) {
        if (permanent || delivery.attempts() >= settings.maxAttempts()) {
            finish(delivery, Delivery.Status.FAILED, error);
            return;
        }
        mongo.updateFirst(byId(delivery.id()), new Update().set("lastError", error)
                .set("dueAt", clock.instant().plus(settings.backoff(delivery.attempts()))), Delivery.class);
    }

    /** Records the outcome in {@value #FINISHED}, then takes the delivery off the queue (at least once, in that order). */
    private void finish(Delivery delivery, Delivery.Status status, String error) {
        // as stored now, not as claimed: the attempt may have recorded push targets done (targetDone)
        Delivery current = Optional.ofNullable(mongo.findById(delivery.id(), Delivery.class)).orElse(delivery);
        mongo.save(new Delivery(current.id(), current.notificationId(), current.userId(), current.channel(), status,
                current.attempts(), current.dueAt(), error, current.createdAt(), clock.instant(),
                current.doneTargets()), FINISHED);
        mongo.remove(byId(delivery.id()), Delivery.class);
    }

    /**
     * Moves the finished deliveries a version before this one left in the queue to {@value #FINISHED} (once, at
     * start; nothing to do afterwards). Returns how many moved.
     */
    public int moveFinishedOutOfTheQueue() {
        int moved = 0;
        while (true) {
            List<Delivery> finished = mongo.find(Query.query(Criteria.where("status").ne(Delivery.Status.PENDING))
                    .limit(500), Delivery.class);
            if (finished.isEmpty()) {
                return moved;
            }
            finished.forEach(delivery -> mongo.save(delivery, FINISHED));
            mongo.remove(Query.query(Criteria.where("_id").in(finished.stream().map(Delivery::id).toList())),
                    Delivery.class);
            moved += finished.size();
        }
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    /** Records that one target of a delivery (a push endpoint) got it, so a retry skips it. */
    public void targetDone(Delivery delivery, String target) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(delivery.id())), new Update().addToSet("doneTargets",
                target), Delivery.class);
    }

    /** The delivery, queued or finished. */
    public Optional<Delivery> find(String notificationId, Channel channel) {
        String id = Delivery.idOf(notificationId, channel);
        return Optional.ofNullable(mongo.findById(id, Delivery.class))
                .or(() -> Optional.ofNullable(mongo.findById(id, Delivery.class, FINISHED)));
    }
}
