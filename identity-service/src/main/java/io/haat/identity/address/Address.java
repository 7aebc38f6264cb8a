package io.haat.identity.address;

import java.time.Instant;
import java.util.UUID;

/** A delivery address in a user's address book. */
public record Address(UUID id, UUID userId, AddressDetails details, boolean isDefault, Instant createdAt,
                      Instant updatedAt) {

    Address withDetails(AddressDetails newDetails, Instant now) {
        return new Address(id, userId, newDetails, isDefault, createdAt, now);
    }

    Address withDefault(boolean makeDefault, Instant now) {
        return makeDefault == isDefault ? this : new Address(id, userId, details, makeDefault, createdAt, now);
    }
}
