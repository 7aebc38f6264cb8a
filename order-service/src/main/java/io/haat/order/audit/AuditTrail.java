package io.haat.order.audit;

import io.haat.events.Topics;
import io.haat.platform.audit.AuditRecords;
import io.haat.platform.messaging.outbox.EventPublisher;
import io.haat.platform.security.Actor;
import java.time.Clock;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an {@code AuditRecorded} event (built by {@link AuditRecords}) to {@code audit.events} through the
 * outbox, in the caller's transaction, for every admin and seller action that changes state.
 */
@Component
public class AuditTrail {

    private final EventPublisher events;
    private final AuditRecords records;
    private final Clock clock;

    public AuditTrail(EventPublisher events, JsonMapper json, Clock clock) {
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
