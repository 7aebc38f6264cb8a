package io.haat.notification.delivery;

import io.haat.notification.NotificationProperties;
import io.haat.notification.notice.Channel;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.domain.Sort;
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
 */
@Component
public class DeliveryQueue {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final NotificationProperties.Delivery settings;

    public DeliveryQueue(MongoTemplate mongo, Clock clock, NotificationProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.settings = properties.delivery();
    }

    /** Adds the delivery unless it exists already (sent or not). */
    public void enqueue(String notificationId, String userId, Channel channel) {
        Instant now = clock.instant();
        mongo.upsert(Query.query(Criteria.where("_id").is(Delivery.idOf(notificationId, channel))), new Update()
                        .setOnInsert("notificationId", notificationId).setOnInsert("userId", userId)
                        .setOnInsert("channel", channel).setOnInsert("status", Delivery.Status.PENDING)
                        .setOnInsert("attempts", 0).setOnInsert("dueAt", now).setOnInsert("createdAt", now),
                Delivery.class);
    }

    /** Takes the earliest due delivery for one attempt (counted now), or empty when none is due. */
    public Optional<Delivery> claim() {
        Instant now = clock.instant();
        Query due = Query.query(Criteria.where("status").is(Delivery.Status.PENDING).and("dueAt").lte(now))
                .with(Sort.by("dueAt"));
        return Optional.ofNullable(mongo.findAndModify(due,
                new Update().set("dueAt", now.plus(settings.lease())).inc("attempts", 1),
                FindAndModifyOptions.options().returnNew(true), Delivery.class));
    }

    public void done(Delivery delivery, Delivery.Status status) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(delivery.id())),
                new Update().set("status", status).set("doneAt", clock.instant()).unset("lastError"), Delivery.class);
    }

    /** Schedules the next attempt after the backoff, or gives up (FAILED) when permanent or out of attempts. */
    public void failed(Delivery delivery, String error, boolean permanent) {
        Update update = new Update().set("lastError", error);
        if (permanent || delivery.attempts() >= settings.maxAttempts()) {
            update.set("status", Delivery.Status.FAILED).set("doneAt", clock.instant());
        } else {
            update.set("dueAt", clock.instant().plus(settings.backoff(delivery.attempts())));
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(delivery.id())), update, Delivery.class);
    }

    /** Records that one target of a delivery (a push endpoint) got it, so a retry skips it. */
    public void targetDone(Delivery delivery, String target) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(delivery.id())), new Update().addToSet("doneTargets",
                target), Delivery.class);
    }

    public Optional<Delivery> find(String notificationId, Channel channel) {
        return Optional.ofNullable(mongo.findById(Delivery.idOf(notificationId, channel), Delivery.class));
    }
}
