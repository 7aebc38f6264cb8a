package io.haat.platform.audit;

import io.haat.events.Topics;
import io.haat.platform.messaging.outbox.EventPublisher;
import io.haat.platform.security.Actor;
import java.time.Clock;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail of a PostgreSQL service: an {@code AuditRecorded} event (built by {@link AuditRecords}) written to
 * {@code audit.events} through the outbox, in the caller's transaction, for an admin or seller action that changes
 * state. Auto-configured wherever there is an {@link EventPublisher}.
 */
public class OutboxAuditTrail {

    private final EventPublisher events;
    private final AuditRecords records;
    private final Clock clock;

    public OutboxAuditTrail(EventPublisher events, JsonMapper json, Clock clock) {
        this.events = events;
        this.records = new AuditRecords(json);
        this.clock = clock;
    }

    public void record(Actor actor, String action, String resourceType, Object resourceId, Object before,
                       Object after) {
        events.publish(Topics.AUDIT_EVENTS, records.recorded(actor, action, resourceType, String.valueOf(resourceId),
                before, after, clock.instant()));
    }
}
