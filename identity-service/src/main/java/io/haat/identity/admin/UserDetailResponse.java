package io.haat.identity.admin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.haat.identity.keycloak.BruteForceStatus;
import io.haat.identity.profile.Origin;
import io.haat.identity.profile.UserProfile;
import io.haat.identity.profile.UserStatus;

/** A user as admins see them: the profile, the ban, and (detail view) Keycloak's login lockout. */
public record UserDetailResponse(UUID id, String email, String fullName, String phone, boolean phoneVerified,
                                 boolean emailVerified, List<String> roles, UserStatus status, Origin origin,
                                 Ban ban, Lockout lockout, Instant createdAt, Instant updatedAt) {

    public record Ban(String reason, UUID bannedBy, Instant bannedAt) {
    }

    /** Keycloak's brute-force state: {@code locked} until {@code lockedSeconds} pass. */
    public record Lockout(boolean locked, int failedAttempts, long lockedSeconds) {
    }

    /** The profile alone (list and ban views). */
    public static UserDetailResponse from(UserProfile p) {
        return from(p, null, null);
    }

    /** The profile and Keycloak's lockout as of {@code now} ({@code bruteForce} null = not known). */
    public static UserDetailResponse from(UserProfile p, BruteForceStatus bruteForce, Instant now) {
        Ban ban = p.isBanned() ? new Ban(p.banReason(), p.bannedBy(), p.bannedAt()) : null;
        Lockout lockout = bruteForce == null ? null
                : new Lockout(bruteForce.disabled(), bruteForce.numFailures(), bruteForce.remaining(now).toSeconds());
        return new UserDetailResponse(p.id(), p.email(), p.fullName(), p.phone(), p.phoneVerified(), p.emailVerified(),
                p.roles(), p.status(), p.origin(), ban, lockout, p.createdAt(), p.updatedAt());
    }
}
