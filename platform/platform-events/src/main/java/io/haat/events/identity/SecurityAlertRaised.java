package io.haat.events.identity;

import io.haat.events.DomainEvent;

/** A security signal (ban, lockout, repeated failed logins from one address) for the admin alert feed. */
public record SecurityAlertRaised(String alertId, String kind, String severity, String subject, String detail)
        implements DomainEvent {
    @Override
    public String aggregateId() {
        return alertId;
    }
}
