package io.haat.identity.audit;

import java.time.Clock;

import io.haat.events.Topics;
import io.haat.events.audit.AuditRecorded;
import io.haat.platform.audit.AuditRecords;
import io.haat.platform.messaging.outbox.EventPublisher;
import io.haat.platform.security.Actor;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Audits identity-service's own admin actions with the platform's {@link AuditRecords}, like every service: the
 * record is stored at once (the admin sees it in the trail right away) and published on {@code audit.events}
 * through the outbox, in the caller's transaction. Coming back through the consumer, it is recognised by its id
 * and not stored twice.
 */
@Component
public class AuditTrail {

    private final AuditRepository audit;
    private final EventPublisher events;
    private final AuditRecords records;
    private final Clock clock;

    public AuditTrail(AuditRepository audit, EventPublisher events, JsonMapper json, Clock clock) {
        this.audit = audit;
        this.events = events;
        this.records = new AuditRecords(json);
        this.clock = clock;
    }

    /** Records that {@code actor} did {@code action} to a resource (states as JSON); must run inside a transaction. */
    public AuditRecorded record(Actor actor, String action, String resourceType, String resourceId, Object before,
                                Object after) {
        AuditRecorded record = records.recorded(actor, action, resourceType, resourceId, before, after,
                clock.instant());
        events.publish(Topics.AUDIT_EVENTS, record);
        audit.append(record);
        return record;
    }
}
