package io.haat.notification.feed;

import io.haat.notification.notice.Notice;
import io.haat.platform.web.NotFoundException;
import io.haat.platform.web.Paging;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** The users' notifications: recorded once per notice, listed newest first, marked read by their owner. */
@Service
public class Feed {

    private final MongoTemplate mongo;
    private final Clock clock;

    public Feed(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Records the notice; empty when it was recorded before (the same source event again).
     *
     * @param inApp whether the user's feed lists it
     */
    public Optional<Notification> record(Notice notice, boolean inApp) {
        Notification notification = new Notification(notice.id(), notice.userId(), notice.type(), notice.title(),
                notice.body(), notice.link(), notice.data(), inApp, false, clock.instant());
        try {
            return Optional.of(mongo.insert(notification));
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    public Optional<Notification> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Notification.class));
    }

    public FeedPage page(String userId, Paging paging) {
        Query listed = Query.query(listedOf(userId));
        long total = mongo.count(listed, Notification.class);
        long unread = mongo.count(Query.query(listedOf(userId).and("read").is(false)), Notification.class);
        List<FeedItem> items = mongo.find(Query.query(listedOf(userId))
                        .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
                        .skip(paging.offset()).limit(paging.size()), Notification.class)
                .stream().map(FeedItem::of).toList();
        return new FeedPage(items, unread, paging.page(), paging.size(), total);
    }

    /** Marks the user's notification read; someone else's (or an unknown id) is not found. */
    public FeedItem markRead(String userId, String id) {
        Notification read = mongo.findAndModify(Query.query(listedOf(userId).and("_id").is(id)),
                new Update().set("read", true), FindAndModifyOptions.options()
                        .returnNew(true), Notification.class);
        if (read == null) {
            throw new NotFoundException("No notification " + id);
        }
        return FeedItem.of(read);
    }

    /** Marks all of the user's notifications read; returns how many were unread. */
    public long markAllRead(String userId) {
        return mongo.updateMulti(Query.query(listedOf(userId).and("read").is(false)), new Update().set("read", true),
                Notification.class).getModifiedCount();
    }

    private static Criteria listedOf(String userId) {
        return Criteria.where("userId").is(userId).and("inApp").is(true);
    }
}
