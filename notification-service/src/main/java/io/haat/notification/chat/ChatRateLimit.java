package io.haat.notification.chat;

import io.haat.platform.web.TooManyRequestsException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Messages per user and fixed window, counted in MongoDB (one atomic {@code $inc} per message) so every instance
 * sees the same count; the window's documents expire by TTL.
 */
@Component
class ChatRateLimit {

    static final String COLLECTION = "chat_rate";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final int limit;
    private final Duration window;

    ChatRateLimit(MongoTemplate mongo, Clock clock, ChatProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.limit = properties.messagesPerWindow();
        this.window = properties.rateWindow();
        mongo.indexOps(COLLECTION).createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
    }

    /** Counts one message of {@code userId}, or refuses it (429) when the window's quota is used up. */
    void acquire(String userId) {
        long now = clock.millis();
        long windowStart = now - Math.floorMod(now, window.toMillis());
        long windowEnd = windowStart + window.toMillis();
        Document counter = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(userId + ":" + windowStart)),
                new Update().inc("count", 1).setOnInsert("expiresAt", new Date(windowEnd)),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
        if (counter != null && counter.get("count", Number.class).longValue() > limit) {
            throw new TooManyRequestsException("chat-rate-limited", "Too many messages",
                    "You can send %d messages per %d seconds. Wait a moment.".formatted(limit, window.toSeconds()),
                    Duration.ofMillis(windowEnd - now));
        }
    }
}
