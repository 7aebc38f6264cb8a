package io.haat.identity.registration;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.haat.identity.keycloak.KeycloakAdmin;
import io.haat.identity.profile.Origin;
import io.haat.identity.profile.PersonName;
import io.haat.identity.profile.ProfileChanges;
import io.haat.identity.profile.Role;
import io.haat.identity.profile.UserProfile;
import io.haat.identity.profile.UserProfileRepository;
import io.haat.identity.support.CommonPasswords;
import io.haat.identity.support.Inputs;
import io.haat.identity.verification.EmailVerificationService;
import io.haat.platform.web.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Sign-up: the Keycloak user (password, role, "verify email" pending) and the local profile are made together;
 * if the second half fails the first is undone, so nobody is ever half-registered. The profile's transaction
 * ({@link ProfileChanges#register}) does not span the Keycloak calls.
 */
@Service
public class RegistrationService {

    private static final Logger log = LoggerFactory.getLogger(RegistrationService.class);

    /** A new account, as sign-up or the demo seeding asks for it. */
    public record NewAccount(String email, String password, String fullName, String phone, Role role,
                             boolean emailVerified, Origin origin) {
    }

    private final KeycloakAdmin keycloak;
    private final UserProfileRepository profiles;
    private final ProfileChanges changes;
    private final EmailVerificationService emailVerification;
    private final Clock clock;
    private final CommonPasswords commonPasswords;

    public RegistrationService(KeycloakAdmin keycloak, UserProfileRepository profiles, ProfileChanges changes,
                               EmailVerificationService emailVerification, Clock clock,
                               CommonPasswords commonPasswords) {
        this.commonPasswords = commonPasswords;
        this.keycloak = keycloak;
        this.profiles = profiles;
        this.changes = changes;
        this.emailVerification = emailVerification;
        this.clock = clock;
    }

    /** Self-service sign-up as a customer or seller; the verification mail goes out at once. */
    public RegistrationResponse register(RegisterRequest request) {
        Role role = Role.valueOf(request.role());
        if (!role.selfAssignable()) {
            throw new IllegalArgumentException("role " + role + " cannot be chosen at sign-up");
        }
        UserProfile profile = create(new NewAccount(Inputs.email(request.email()), request.password(),
                request.fullName().strip(), Inputs.optional(request.phone()), role, false, Origin.PASSWORD));
        boolean mailed = emailVerification.sendVerificationMail(profile.id());
        return new RegistrationResponse(profile.id(), profile.email(), role.name(), mailed);
    }

    /** Creates the account in Keycloak and here, or neither. Any role: callers decide who may ask for which. */
    public UserProfile create(NewAccount account) {
        commonPasswords.refuseCommon(account.password());
        if (profiles.existsByEmail(account.email())) {
            throw emailTaken();
        }
        PersonName name = PersonName.of(account.fullName());
        String id = keycloak.createUser(new KeycloakAdmin.NewUser(account.email(), name.firstName(), name.lastName(),
                account.password(), account.emailVerified(),
                account.emailVerified() ? List.of() : List.of("VERIFY_EMAIL")));
        try {
            keycloak.assignRealmRole(id, account.role().name());
            UserProfile profile = UserProfile.create(UUID.fromString(id), account.email(), account.fullName(),
                    account.phone(), Set.of(account.role().name()), account.origin(), account.emailVerified(),
                    clock.instant());
            changes.register(profile, account.role());
            return profile;
        } catch (RuntimeException e) {
            undo(id, e);
            throw e instanceof DuplicateKeyException ? emailTaken() : e;
        }
    }

    private void undo(String keycloakUserId, RuntimeException cause) {
        try {
            keycloak.deleteUser(keycloakUserId);
            log.warn("Registration of Keycloak user {} failed and was undone: {}", keycloakUserId, cause.toString());
        } catch (RuntimeException e) {
            // the user exists in Keycloak only; their first /me call would adopt it, a new sign-up says "taken"
            log.error("Registration of Keycloak user {} failed ({}) and deleting it failed too", keycloakUserId,
                    cause.toString(), e);
        }
    }

    private static ConflictException emailTaken() {
        return new ConflictException("email-already-registered", "Email already registered",
                "An account with this email address already exists.");
    }
}
