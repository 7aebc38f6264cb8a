package io.haat.seller.support;

import io.haat.events.Topics;
import io.haat.events.audit.AuditRecorded;
import io.haat.platform.messaging.outbox.EventPublisher;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an {@code AuditRecorded} event to {@code audit.events} (through the outbox, in the caller's
 * transaction) for every admin and seller action that changes state: who, what, before/after, from where.
 */
@Component
public class AuditTrail {

    private final EventPublisher events;
    private final JsonMapper json;

    public AuditTrail(EventPublisher events, JsonMapper json) {
        this.events = events;
        this.json = json;
    }

    public void record(Actor actor, String action, String resourceType, Object resourceId, Object before, Object after) {
        HttpServletRequest request = currentRequest();
        String ip = request == null ? null : clientIp(request);
        String requestId = request == null ? MDC.get("requestId") : firstNonBlank(
                request.getHeader("X-Request-Id"), MDC.get("requestId"));
        events.publish(Topics.AUDIT_EVENTS, new AuditRecorded(UUID.randomUUID().toString(), actor.id(), actor.role(),
                action, resourceType, String.valueOf(resourceId), toJson(before), toJson(after), ip, requestId,
                Instant.now()));
    }

    private String toJson(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }

    // the gateway appends the client's address to X-Forwarded-For; the first entry is the client
    private static String clientIp(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",")[0].trim();
        }
        return request.getRemoteAddr();
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
