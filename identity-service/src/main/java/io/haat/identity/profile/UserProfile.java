package io.haat.identity.profile;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A person's marketplace profile. Keycloak owns the credentials, sessions and role grants; this is the data the
 * marketplace needs about them, with the rules of changing it (a new phone number is unverified, a ban needs a
 * reason and an actor...).
 */
public class UserProfile {

    private final UUID id;
    private String email;
    private String fullName;
    private String phone;
    private boolean phoneVerified;
    private boolean emailVerified;
    private String avatarUrl;
    private String locale;
    private Set<String> roles;
    private UserStatus status;
    private final Origin origin;
    private String banReason;
    private UUID bannedBy;
    private Instant bannedAt;
    private final Instant createdAt;
    private Instant updatedAt;
    private final long version;

    @SuppressWarnings("java:S107") // the persisted state, used by the repository only
    UserProfile(UUID id, String email, String fullName, String phone, boolean phoneVerified, boolean emailVerified,
                String avatarUrl, String locale, Set<String> roles, UserStatus status, Origin origin, String banReason,
                UUID bannedBy, Instant bannedAt, Instant createdAt, Instant updatedAt, long version) {
        this.id = Objects.requireNonNull(id);
        this.email = Objects.requireNonNull(email);
        this.fullName = Objects.requireNonNull(fullName);
        this.phone = phone;
        this.phoneVerified = phoneVerified;
        this.emailVerified = emailVerified;
        this.avatarUrl = avatarUrl;
        this.locale = locale;
        this.roles = new TreeSet<>(roles);
        this.status = status;
        this.origin = origin;
        this.banReason = banReason;
        this.bannedBy = bannedBy;
        this.bannedAt = bannedAt;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    /** A new, active profile; not yet stored. */
    public static UserProfile create(UUID id, String email, String fullName, String phone, Set<String> roles,
                                     Origin origin, boolean emailVerified, Instant now) {
        return new UserProfile(id, email, fullName, phone, false, emailVerified, null, null, roles, UserStatus.ACTIVE,
                origin, null, null, null, now, now, 0);
    }

    public boolean changeFullName(String newName) {
        if (fullName.equals(newName)) {
            return false;
        }
        fullName = newName;
        return true;
    }

    /** A different number (or none) is not verified, whatever the old one was. */
    public boolean changePhone(String newPhone) {
        if (Objects.equals(phone, newPhone)) {
            return false;
        }
        phone = newPhone;
        phoneVerified = false;
        return true;
    }

    public boolean changeAvatarUrl(String newUrl) {
        boolean changed = !Objects.equals(avatarUrl, newUrl);
        avatarUrl = newUrl;
        return changed;
    }

    public boolean changeLocale(String newLocale) {
        boolean changed = !Objects.equals(locale, newLocale);
        locale = newLocale;
        return changed;
    }

    public boolean markEmailVerified() {
        if (emailVerified) {
            return false;
        }
        emailVerified = true;
        return true;
    }

    /** Marks the current phone verified, if the code was sent to it (the number may have changed since). */
    public boolean markPhoneVerified(String verifiedNumber) {
        if (phone == null || !phone.equals(verifiedNumber)) {
            return false;
        }
        phoneVerified = true;
        return true;
    }

    /** Takes Keycloak's view of the marketplace roles (an admin may have changed them there). */
    public boolean syncRoles(Set<String> current) {
        if (roles.equals(new TreeSet<>(current))) {
            return false;
        }
        roles = new TreeSet<>(current);
        return true;
    }

    public void addRole(Role role) {
        roles.add(role.name());
    }

    /** Returns false if the user is already banned. */
    public boolean ban(String reason, UUID by, Instant now) {
        if (status == UserStatus.BANNED) {
            return false;
        }
        status = UserStatus.BANNED;
        banReason = reason;
        bannedBy = by;
        bannedAt = now;
        return true;
    }

    /** Returns false if the user is not banned. */
    public boolean unban() {
        if (status != UserStatus.BANNED) {
            return false;
        }
        status = UserStatus.ACTIVE;
        banReason = null;
        bannedBy = null;
        bannedAt = null;
        return true;
    }

    void touch(Instant now) {
        updatedAt = now;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role.name());
    }

    public boolean isBanned() {
        return status == UserStatus.BANNED;
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String fullName() {
        return fullName;
    }

    public String phone() {
        return phone;
    }

    public boolean phoneVerified() {
        return phoneVerified;
    }

    public boolean emailVerified() {
        return emailVerified;
    }

    public String avatarUrl() {
        return avatarUrl;
    }

    public String locale() {
        return locale;
    }

    /** Marketplace roles, sorted. */
    public List<String> roles() {
        return List.copyOf(roles);
    }

    public UserStatus status() {
        return status;
    }

    public Origin origin() {
        return origin;
    }

    public String banReason() {
        return banReason;
    }

    public UUID bannedBy() {
        return bannedBy;
    }

    public Instant bannedAt() {
        return bannedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
