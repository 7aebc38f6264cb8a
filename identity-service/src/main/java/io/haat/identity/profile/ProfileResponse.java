package io.haat.identity.profile;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user's profile as {@code /me} and the admin views show it. */
public record ProfileResponse(UUID id, String email, String fullName, String phone, boolean phoneVerified,
                              boolean emailVerified, String avatarUrl, String locale, List<String> roles,
                              UserStatus status, Instant createdAt, Instant updatedAt) {

    public static ProfileResponse from(UserProfile profile) {
        return new ProfileResponse(profile.id(), profile.email(), profile.fullName(), profile.phone(),
                profile.phoneVerified(), profile.emailVerified(), profile.avatarUrl(), profile.locale(), profile.roles(),
                profile.status(), profile.createdAt(), profile.updatedAt());
    }
}
