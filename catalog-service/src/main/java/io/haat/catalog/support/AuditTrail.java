package io.haat.catalog.support;

import io.haat.platform.messaging.mongo.MongoOutbox;
import io.haat.platform.messaging.mongo.PendingEvent;
import io.haat.events.Topics;
import io.haat.platform.audit.AuditRecords;
import io.haat.platform.security.Actor;
import java.time.Clock;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the {@code AuditRecorded} event of an admin or seller action (with {@link AuditRecords}); the caller
 * writes it through the {@link MongoOutbox} with the change it describes.
 */
@Component
public class AuditTrail {

    private final MongoOutbox outbox;
    private final AuditRecords records;
    private final Clock clock;

    public AuditTrail(MongoOutbox outbox, JsonMapper json, Clock clock) {
        this.outbox = outbox;
        this.records = new AuditRecords(json);
        this.clock = clock;
    }

    public PendingEvent event(Actor actor, String action, String resourceType, String resourceId, Object before,
                              Object after) {
        return outbox.event(Topics.AUDIT_EVENTS,
                records.recorded(actor, action, resourceType, resourceId, before, after, clock.instant()), 0);
    }
}
