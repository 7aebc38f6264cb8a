package io.haat.identity.phone;

import java.time.Instant;
import java.util.UUID;

/** The pending one-time code of a user's phone number: only its hash is kept. */
public record PhoneChallenge(UUID userId, String phone, String codeHash, int attempts, Instant expiresAt, Instant sentAt) {

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean exhausted(int maxAttempts) {
        return attempts >= maxAttempts;
    }
}
