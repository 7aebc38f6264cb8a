package io.haat.events.audit;

import io.haat.events.DomainEvent;
import java.time.Instant;

/** An admin or seller changed state: who, in what role, did what to which resource, from where, before and after. */
public record AuditRecorded(String auditId, String actorId, String actorRole, String action, String resourceType,
                            String resourceId, String before, String after, String ip, String requestId, Instant at)
        implements DomainEvent {
    @Override
    public String aggregateId() {
        return resourceType + ":" + resourceId;
    }
}
