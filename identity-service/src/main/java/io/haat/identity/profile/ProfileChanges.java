package io.haat.identity.profile;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.haat.identity.keycloak.KeycloakAdmin;
import io.haat.identity.phone.PhoneChallengeRepository;
import io.haat.identity.support.Inputs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The profile writes, one transaction each (load with a row lock, change, save, event to the outbox). They live
 * on their own bean so that the flows calling them ({@link ProfileService}, sign-up, email verification) keep
 * their Keycloak calls and compensations outside the transaction: a Spring proxy does not intercept a call
 * from a bean to itself.
 */
@Service
public class ProfileChanges {

    private final UserProfileRepository profiles;
    private final PhoneChallengeRepository phoneChallenges;
    private final KeycloakAdmin keycloak;
    private final ProfileEvents events;

    public ProfileChanges(UserProfileRepository profiles, PhoneChallengeRepository phoneChallenges,
                          KeycloakAdmin keycloak, ProfileEvents events) {
        this.profiles = profiles;
        this.phoneChallenges = phoneChallenges;
        this.keycloak = keycloak;
        this.events = events;
    }

    /**
     * Stores a new profile with its {@code UserRegistered} event.
     *
     * @throws org.springframework.dao.DuplicateKeyException if the id or the email is taken (nothing is stored)
     */
    @Transactional
    public void register(UserProfile profile, Role role) {
        profiles.insert(profile);
        events.registered(profile, role);
    }

    /** Applies the owner's edits; a new name reaches Keycloak as the last step, so a refusal stores nothing. */
    @Transactional
    public UserProfile update(UUID id, UpdateProfileRequest request) {
        UserProfile profile = profiles.lockById(id).orElseThrow();
        boolean nameChanged = request.fullName() != null && profile.changeFullName(request.fullName().strip());
        boolean changed = nameChanged;
        if (request.phone() != null && profile.changePhone(Inputs.optional(request.phone()))) {
            phoneChallenges.delete(id); // a code sent to the old number must not verify the new one
            changed = true;
        }
        changed |= request.avatarUrl() != null && profile.changeAvatarUrl(Inputs.optional(request.avatarUrl()));
        changed |= request.locale() != null && profile.changeLocale(Inputs.optional(request.locale()));
        if (!changed) {
            return profile;
        }
        UserProfile saved = profiles.update(profile);
        events.changed(saved);
        if (nameChanged) {
            PersonName name = PersonName.of(saved.fullName());
            keycloak.updateNames(id.toString(), name.firstName(), name.lastName());
        }
        return saved;
    }

    /** Marks the user's email verified; empty if this service has no profile for them. */
    @Transactional
    public Optional<UserProfile> markEmailVerified(UUID id) {
        return profiles.lockById(id).map(profile -> {
            if (!profile.markEmailVerified()) {
                return profile;
            }
            UserProfile saved = profiles.update(profile);
            events.changed(saved);
            return saved;
        });
    }

    /**
     * Brings over what the caller's token says: a verified email ({@code UserProfileChanged}) and the marketplace
     * roles (which that event does not carry, so a role change alone raises none).
     *
     * @param roles the token's roles, or empty to leave the roles alone
     */
    @Transactional
    public UserProfile syncWithToken(UUID id, boolean emailVerified, Set<String> roles) {
        UserProfile profile = profiles.lockById(id).orElseThrow();
        boolean emailChanged = emailVerified && profile.markEmailVerified();
        boolean changed = emailChanged | (!roles.isEmpty() && profile.syncRoles(roles));
        if (!changed) {
            return profile;
        }
        UserProfile saved = profiles.update(profile);
        if (emailChanged) {
            events.changed(saved);
        }
        return saved;
    }
}
