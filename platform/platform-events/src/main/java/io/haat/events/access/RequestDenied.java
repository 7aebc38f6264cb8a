package io.haat.events.access;

import io.haat.events.DomainEvent;
import java.time.Instant;

/**
 * A service answered a signed-in user's request with 403 (not allowed) or 404 (not there, or someone else's). One
 * alone means nothing; many from one user in a short time is probing, which notification-service turns into an
 * "unusual access" admin alert. Published best-effort (not through an outbox): it is a signal, not a fact of record.
 */
public record RequestDenied(String userId, int status, String method, String path, String service, String ip,
                            Instant at) implements DomainEvent {
    @Override
    public String aggregateId() {
        return userId;
    }
}
