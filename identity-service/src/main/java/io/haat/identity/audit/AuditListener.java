package io.haat.identity.audit;

import java.util.UUID;

import io.haat.events.EventEnvelope;
import io.haat.events.Topics;
import io.haat.events.audit.AuditRecorded;
import io.haat.platform.messaging.EventEnvelopes;
import io.haat.platform.messaging.EventRouter;
import io.haat.platform.messaging.MalformedEventException;
import io.haat.platform.messaging.consumer.ProcessedEvents;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes every service's {@code audit.events} into the audit trail, once per event. */
@Component
public class AuditListener {

    private final ProcessedEvents processed;
    private final AuditRepository audit;
    private final String group;
    private final EventRouter router;

    public AuditListener(EventEnvelopes envelopes, ProcessedEvents processed, AuditRepository audit,
                         @Value("${haat.identity.audit.consumer-group:identity-service.audit}") String group) {
        this.processed = processed;
        this.audit = audit;
        this.group = group;
        // nothing else is published on this topic today; unknown types are skipped, not dead-lettered
        this.router = EventRouter.builder(envelopes).on(AuditRecorded.class, this::append).build();
    }

    @KafkaListener(topics = Topics.AUDIT_EVENTS, groupId = "${haat.identity.audit.consumer-group:identity-service.audit}")
    public void onAuditEvent(String value) {
        router.dispatch(value);
    }

    // checked before the idempotency record, so an unusable record goes to the DLT instead of being marked done
    private void append(EventEnvelope<AuditRecorded> envelope) {
        AuditRecorded record = envelope.payload();
        if (record.auditId() == null || record.action() == null || record.resourceType() == null) {
            throw new MalformedEventException(
                    "audit record " + envelope.eventId() + " lacks id, action or resource type", null);
        }
        try {
            UUID.fromString(record.auditId());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("audit id of " + envelope.eventId() + " is not a UUID", e);
        }
        processed.runOnce(group, envelope, () -> audit.append(record));
    }
}
