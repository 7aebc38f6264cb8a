package io.haat.events.identity;

import io.haat.events.DomainEvent;
import io.haat.events.EventIds;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** A person signed up as a customer or a seller. */
public record UserRegistered(@NotBlank @Pattern(regexp = EventIds.ID) String userId, @NotBlank String email,
                             String fullName, @NotBlank String role) implements DomainEvent {
    @Override
    public String aggregateId() {
        return userId;
    }
}
