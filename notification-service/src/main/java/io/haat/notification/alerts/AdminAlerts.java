package io.haat.notification.alerts;

import io.haat.events.Topics;
import io.haat.platform.audit.AuditRecords;
import io.haat.platform.messaging.mongo.MongoOutbox;
import io.haat.platform.security.Actor;
import io.haat.platform.web.ConflictException;
import io.haat.platform.web.NotFoundException;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import jakarta.annotation.PostConstruct;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admins' alert feed: raising (at most once per source: the id says where it came from), listing, acknowledging
 * (with an audit record in the same document write), and counting repeated signals per window for the alerts that
 * need a threshold.
 */
@Service
public class AdminAlerts {

    static final String COUNTERS = "alert_counters";

    private final MongoTemplate mongo;
    private final MongoOutbox outbox;
    private final AuditRecords audit;
    private final AdminAlertStream stream;
    private final Clock clock;

    AdminAlerts(MongoTemplate mongo, MongoOutbox outbox, JsonMapper json, AdminAlertStream stream, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.audit = new AuditRecords(json);
        this.stream = stream;
        this.clock = clock;
    }

    @PostConstruct
    void registerOutbox() {
        outbox.register(Alert.class);
        mongo.indexOps(COUNTERS).createIndex(new Index()
                .on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
    }

    /** Stores and broadcasts the alert unless one with its id exists; answers whether it was new. */
    public boolean raise(Alert alert) {
        try {
            mongo.insert(alert);
        } catch (DuplicateKeyException alreadyRaised) {
            return false;
        }
        stream.publish(AlertResponse.from(alert));
        return true;
    }

    /**
     * Counts {@code eventId} once towards {@code key} in the current fixed window of length {@code window}; answers
     * the window's start and the number of distinct events counted in it so far.
     */
    public WindowCount count(String key, String eventId, Duration window, Instant at) {
        long start = at.toEpochMilli() - Math.floorMod(at.toEpochMilli(), window.toMillis());
        Document counter = mongo.findAndModify(Query.query(Criteria.where("_id").is(key + ":" + start)),
                new Update().addToSet("events", eventId)
                        .setOnInsert("expiresAt", new Date(start + 2 * window.toMillis())),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COUNTERS);
        List<?> events = counter == null ? List.of() : counter.getList("events", Object.class, List.of());
        return new WindowCount(Instant.ofEpochMilli(start), events.size());
    }

    public PageResponse<AlertResponse> list(AlertKind kind, AlertSeverity severity, Boolean acknowledged,
                                            Paging paging) {
        Criteria criteria = new Criteria();
        if (kind != null) {
            criteria.and("kind").is(kind);
        }
        if (severity != null) {
            criteria.and("severity").is(severity);
        }
        if (acknowledged != null) {
            criteria.and("acknowledged").is(acknowledged);
        }
        Query query = Query.query(criteria);
        query.fields().exclude(MongoOutbox.FIELD);
        long total = mongo.count(Query.query(criteria), Alert.class);
        List<AlertResponse> items = mongo.find(query.with(Sort.by(Sort.Direction.DESC, "raisedAt", "_id"))
                .skip(paging.offset()).limit(paging.size()), Alert.class).stream().map(AlertResponse::from).toList();
        return PageResponse.of(items, paging, total);
    }

    /** Acknowledges the alert; acknowledging it again changes nothing (200 with the first acknowledgement). */
    public AlertResponse acknowledge(String id, Actor admin) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Alert before = mongo.findById(id, Alert.class);
            if (before == null) {
                throw NotFoundException.of("Alert", id);
            }
            Alert after = before.acknowledge(admin.id(), clock.instant());
            if (after == before) {
                return AlertResponse.from(before);
            }
            Alert saved = outbox.findAndModify(
                    Query.query(Criteria.where("_id").is(id).and("version").is(before.version())),
                    new Update().set("acknowledged", true).set("acknowledgedBy", after.acknowledgedBy())
                            .set("acknowledgedAt", after.acknowledgedAt()).set("version", after.version()),
                    FindAndModifyOptions.options().returnNew(true), Alert.class,
                    List.of(outbox.event(Topics.AUDIT_EVENTS, audit.recorded(admin, "alert.acknowledge", "alert", id,
                            AlertResponse.from(before), AlertResponse.from(after), clock.instant()), 0)));
            if (saved != null) {
                return AlertResponse.from(saved);
            }
        }
        throw new ConflictException("The alert changed meanwhile; try again.");
    }

    /** Distinct events counted in one window. */
    public record WindowCount(Instant windowStart, long count) {
    }
}
