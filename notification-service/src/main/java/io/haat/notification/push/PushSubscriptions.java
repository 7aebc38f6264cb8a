package io.haat.notification.push;

import java.time.Clock;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** The users' Web Push subscriptions. */
@Service
public class PushSubscriptions {

    private final MongoTemplate mongo;
    private final Clock clock;

    public PushSubscriptions(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public PushSubscription subscribe(String userId, String endpoint, String p256dh, String auth) {
        return mongo.save(new PushSubscription(endpoint, userId, p256dh, auth, clock.instant()));
    }

    /** Removes the user's subscription with this endpoint; false when they have none such. */
    public boolean unsubscribe(String userId, String endpoint) {
        return mongo.remove(Query.query(Criteria.where("_id").is(endpoint).and("userId").is(userId)),
                PushSubscription.class).getDeletedCount() > 0;
    }

    public List<PushSubscription> of(String userId) {
        return mongo.find(Query.query(Criteria.where("userId").is(userId)), PushSubscription.class);
    }

    /** Forgets a subscription the push service says is gone (404/410). */
    public void expired(PushSubscription subscription) {
        mongo.remove(Query.query(Criteria.where("_id").is(subscription.endpoint())), PushSubscription.class);
    }
}
