package io.haat.events.identity;

import io.haat.events.DomainEvent;

/** An admin lifted a ban. */
public record UserUnbanned(String userId, String unbannedBy) implements DomainEvent {
    @Override
    public String aggregateId() {
        return userId;
    }
}
