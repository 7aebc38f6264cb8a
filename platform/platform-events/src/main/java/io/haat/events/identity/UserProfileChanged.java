package io.haat.events.identity;

import io.haat.events.DomainEvent;

/** A user's profile changed (name, phone, locale, or an email or phone number got verified): the current values. */
public record UserProfileChanged(String userId, String email, String fullName, String phone, boolean phoneVerified,
                                 boolean emailVerified, String locale) implements DomainEvent {
    @Override
    public String aggregateId() {
        return userId;
    }
}
