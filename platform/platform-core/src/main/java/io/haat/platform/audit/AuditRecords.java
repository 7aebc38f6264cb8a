package io.haat.platform.audit;

import io.haat.events.audit.AuditRecorded;
import io.haat.platform.observability.RequestIdFilter;
import io.haat.platform.security.Actor;
import io.haat.platform.web.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the {@link AuditRecorded} event of an admin or seller action that changes state: who (the
 * {@link Actor}), what (action, resource, before/after as JSON) and from where (the client's address and
 * the request id of the current request, if any). Publishing it is the service's part: through its outbox,
 * in the transaction that makes the change, to {@code Topics.AUDIT_EVENTS}.
 */
public final class AuditRecords {

    private final JsonMapper json;

    public AuditRecords(JsonMapper json) {
        this.json = json;
    }

    /**
     * The event for {@code actor} doing {@code action} to {@code resourceType}/{@code resourceId}, with the
     * states {@code before} and {@code after} (either may be null) serialized as JSON. Outside a request the
     * ip is null and the request id is whatever the MDC holds.
     */
    public AuditRecorded recorded(Actor actor, String action, String resourceType, String resourceId, Object before,
                                  Object after, Instant at) {
        HttpServletRequest request = currentRequest();
        String ip = request == null ? null : ClientAddress.of(request);
        return new AuditRecorded(UUID.randomUUID().toString(), actor.id(), actor.role(), action, resourceType,
                resourceId, toJson(before), toJson(after), ip, requestId(request), at);
    }

    private String toJson(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }

    // RequestIdFilter puts the (validated or generated) X-Request-Id in the MDC for the whole request;
    // the raw header only serves when that filter did not run
    private static String requestId(HttpServletRequest request) {
        String fromMdc = MDC.get(RequestIdFilter.MDC_KEY);
        if (fromMdc != null && !fromMdc.isBlank()) {
            return fromMdc;
        }
        String header = request == null ? null : request.getHeader(RequestIdFilter.HEADER);
        return header != null && !header.isBlank() ? header : fromMdc;
    }
}
