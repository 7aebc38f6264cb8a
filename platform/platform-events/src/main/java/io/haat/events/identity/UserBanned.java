package io.haat.events.identity;

import io.haat.events.DomainEvent;

/** An admin banned a user; their sessions are ended and sellers' stores get suspended. */
public record UserBanned(String userId, String reason, String bannedBy) implements DomainEvent {
    @Override
    public String aggregateId() {
        return userId;
    }
}
