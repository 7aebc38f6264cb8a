package io.haat.identity.profile;

import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.haat.identity.keycloak.KeycloakAdmin;
import io.haat.identity.keycloak.KeycloakUser;
import io.haat.identity.support.Inputs;
import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.ConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The caller's own profile ({@code /me}). A user Keycloak knows but this service does not yet (a social login,
 * or a user made in Keycloak's console) gets a profile on their first call, built from their token. The writes
 * are {@link ProfileChanges}' transactions; the Keycloak calls around them stay outside.
 */
@Service
public class ProfileService {

    private final UserProfileRepository profiles;
    private final ProfileChanges changes;
    private final KeycloakAdmin keycloak;
    private final CurrentUser currentUser;
    private final Clock clock;

    public ProfileService(UserProfileRepository profiles, ProfileChanges changes, KeycloakAdmin keycloak,
                          CurrentUser currentUser, Clock clock) {
        this.profiles = profiles;
        this.changes = changes;
        this.keycloak = keycloak;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The caller's profile, created on first use and brought up to date with what the token says. */
    public UserProfile current() {
        UUID id = currentUser.id();
        return profiles.findById(id).map(this::syncWithToken).orElseGet(() -> createFromToken(id));
    }

    public UserProfile update(UpdateProfileRequest request) {
        return changes.update(current().id(), request);
    }

    private UserProfile syncWithToken(UserProfile profile) {
        boolean verifiedNow = !profile.emailVerified() && claimIsTrue("email_verified");
        Set<String> tokenRoles = marketplaceRoles(currentUser.roles());
        boolean rolesChanged = !tokenRoles.isEmpty() && !tokenRoles.equals(Set.copyOf(profile.roles()));
        if (!verifiedNow && !rolesChanged) {
            return profile; // the common case: no transaction, no row lock
        }
        return changes.syncWithToken(profile.id(), verifiedNow, rolesChanged ? tokenRoles : Set.of());
    }

    private UserProfile createFromToken(UUID id) {
        String email = currentUser.email().map(Inputs::email)
                .or(() -> keycloak.user(id.toString()).map(KeycloakUser::email).map(Inputs::email))
                .orElseThrow(() -> new ConflictException("email-required", "Email required",
                        "Your account has no email address. Add one to your identity provider account and log in again."));
        Set<String> roles = marketplaceRoles(currentUser.roles());
        if (roles.isEmpty()) {
            // a social sign-up is a customer; the next token (after a refresh) carries the role
            keycloak.assignRealmRole(id.toString(), Role.CUSTOMER.name());
            roles = Set.of(Role.CUSTOMER.name());
        }
        Role primary = roles.stream().map(Role::valueOf).sorted().findFirst().orElse(Role.CUSTOMER);
        UserProfile profile = UserProfile.create(id, email, displayName(email), null, roles, Origin.SOCIAL,
                claimIsTrue("email_verified"), clock.instant());
        try {
            changes.register(profile, primary);
        } catch (DuplicateKeyException e) {
            // a concurrent first call won, or the email belongs to another profile
            return profiles.findById(id).orElseThrow(() -> new ConflictException("email-already-registered",
                    "Email already registered", "Another account already uses this email address."));
        }
        return profiles.findById(id).orElseThrow();
    }

    private String displayName(String email) {
        String name = currentUser.claim("name").map(String::strip).orElse("");
        if (name.isEmpty()) {
            name = (currentUser.claim("given_name").orElse("") + " " + currentUser.claim("family_name").orElse("")).strip();
        }
        if (name.isEmpty() || !name.matches(Inputs.PERSON_NAME)) {
            name = email.substring(0, email.indexOf('@') > 0 ? email.indexOf('@') : email.length());
        }
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    private boolean claimIsTrue(String claim) {
        return currentUser.claim(claim).map(Boolean::parseBoolean).orElse(false);
    }

    static Set<String> marketplaceRoles(Set<String> roles) {
        Set<String> known = Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toSet());
        return roles.stream().filter(known::contains).collect(Collectors.toUnmodifiableSet());
    }
}
