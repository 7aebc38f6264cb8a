package io.haat.catalog.support;

import io.haat.catalog.support.outbox.MongoOutbox;
import io.haat.catalog.support.outbox.PendingEvent;
import io.haat.events.Topics;
import io.haat.events.audit.AuditRecorded;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the {@code AuditRecorded} event of an admin or seller action; the caller writes it through the
 * {@link MongoOutbox} with the change it describes (who, what, before/after, from where).
 */
@Component
public class AuditTrail {

    private final MongoOutbox outbox;
    private final JsonMapper json;
    private final Clock clock;

    public AuditTrail(MongoOutbox outbox, JsonMapper json, Clock clock) {
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    public PendingEvent event(Actor actor, String action, String resourceType, String resourceId, Object before,
                              Object after) {
        HttpServletRequest request = currentRequest();
        String ip = request == null ? null : clientIp(request);
        String requestId = MDC.get("requestId");
        return outbox.event(Topics.AUDIT_EVENTS, new AuditRecorded(UUID.randomUUID().toString(), actor.id(),
                actor.role(), action, resourceType, resourceId, toJson(before), toJson(after), ip, requestId,
                clock.instant()), 0);
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
}
