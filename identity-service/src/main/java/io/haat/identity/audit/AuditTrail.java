package io.haat.identity.audit;

import java.time.Instant;
import java.util.UUID;

import io.haat.events.Topics;
import io.haat.events.audit.AuditRecorded;
import io.haat.platform.web.ClientAddress;
import io.haat.platform.messaging.outbox.EventPublisher;
import io.haat.platform.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Audits identity-service's own admin actions: the record is stored at once (the admin sees it in the trail
 * right away) and published on {@code audit.events} through the outbox like every service's, in the caller's
 * transaction. Coming back through the consumer, it is recognised by its id and not stored twice.
 */
@Component
public class AuditTrail {

    private final AuditRepository audit;
    private final EventPublisher events;
    private final CurrentUser currentUser;

    public AuditTrail(AuditRepository audit, EventPublisher events, CurrentUser currentUser) {
        this.audit = audit;
        this.events = events;
        this.currentUser = currentUser;
    }

    /** Records that the current caller did {@code action} to a resource; must run inside a transaction. */
    public AuditRecorded record(String action, String resourceType, String resourceId, String before, String after) {
        String actorRole = currentUser.hasRole("ADMIN") ? "ADMIN"
                : currentUser.roles().stream().sorted().findFirst().orElse(null);
        HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest() : null;
        AuditRecorded record = new AuditRecorded(UUID.randomUUID().toString(),
                currentUser.isAuthenticated() ? currentUser.subject() : null, actorRole, action, resourceType,
                resourceId, before, after, request != null ? ClientAddress.of(request) : null, MDC.get("requestId"),
                Instant.now());
        events.publish(Topics.AUDIT_EVENTS, record);
        audit.append(record);
        return record;
    }
}
