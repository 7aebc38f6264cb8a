package io.haat.events.identity;

import io.haat.events.DomainEvent;

/** A person signed up as a customer or a seller. */
public record UserRegistered(String userId, String email, String fullName, String role) implements DomainEvent {
    @Override
    public String aggregateId() {
        return userId;
    }
}
