package io.haat.identity.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import io.haat.identity.IdentityProperties;
import io.haat.identity.IdentityProperties.DemoAccounts.DemoAccount;
import io.haat.identity.address.AddressBooks;
import io.haat.identity.address.AddressDetails;
import io.haat.identity.keycloak.KeycloakAdmin;
import io.haat.identity.keycloak.KeycloakUnavailableException;
import io.haat.identity.keycloak.KeycloakUser;
import io.haat.identity.profile.Origin;
import io.haat.identity.profile.ProfileChanges;
import io.haat.identity.profile.Role;
import io.haat.identity.profile.UserProfile;
import io.haat.identity.profile.UserProfileRepository;
import io.haat.identity.registration.RegistrationService;
import io.haat.identity.registration.RegistrationService.NewAccount;
import io.haat.identity.support.Inputs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Development only ({@code haat.identity.demo-accounts.enabled=true}): creates the accounts listed in
 * {@code haat.identity.demo-accounts.accounts} at start-up through the registration logic, with verified emails and
 * any role (ADMIN and DELIVERY_AGENT only here). The local run's launcher lists the demo accounts of API.md, defined
 * once in deploy/local's {@code DemoAccount}. Idempotent: an account that exists is left alone; one that exists only
 * in Keycloak (seeded there directly by an older launcher) is adopted. A CUSTOMER account gets an address.
 */
@Component
@ConditionalOnProperty(name = "haat.identity.demo-accounts.enabled", havingValue = "true")
public class DemoAccountSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccountSeeder.class);
    private static final int ATTEMPTS = 30;
    private static final Duration PAUSE = Duration.ofSeconds(2);

    private final IdentityProperties properties;
    private final RegistrationService registrations;
    private final UserProfileRepository profiles;
    private final ProfileChanges changes;
    private final AddressBooks addressBooks;
    private final KeycloakAdmin keycloak;
    private final Clock clock;

    public DemoAccountSeeder(IdentityProperties properties, RegistrationService registrations,
                             UserProfileRepository profiles, ProfileChanges changes, AddressBooks addressBooks,
                             KeycloakAdmin keycloak, Clock clock) {
        this.properties = properties;
        this.registrations = registrations;
        this.profiles = profiles;
        this.changes = changes;
        this.addressBooks = addressBooks;
        this.keycloak = keycloak;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                seed();
                return;
            } catch (KeycloakUnavailableException e) {
                if (attempt == ATTEMPTS) {
                    log.error("Demo accounts not seeded: Keycloak unavailable after {} attempts", ATTEMPTS, e);
                    return;
                }
                Thread.sleep(PAUSE.toMillis()); // Keycloak may still be starting
            }
        }
    }

    /** Creates what is missing; returns how many accounts were created or adopted. */
    public int seed() {
        int created = 0;
        for (DemoAccount account : properties.demoAccounts().accounts()) {
            if (ensure(account)) {
                created++;
            }
        }
        log.info("Demo accounts (development only): {} created, {} already there", created,
                properties.demoAccounts().accounts().size() - created);
        return created;
    }

    private boolean ensure(DemoAccount account) {
        String email = Inputs.email(account.email());
        if (profiles.existsByEmail(email)) {
            return false;
        }
        Role role = Role.valueOf(account.role());
        UserProfile profile = keycloak.userByEmail(email)
                .map(existing -> adopt(existing, account, role))
                .orElseGet(() -> registrations.create(new NewAccount(email, account.password(), account.fullName(),
                        null, role, true, Origin.SEEDED)));
        if (role == Role.CUSTOMER) {
            addDemoAddress(profile);
        }
        return true;
    }

    private UserProfile adopt(KeycloakUser existing, DemoAccount account, Role role) {
        if (!keycloak.realmRoles(existing.id()).contains(role.name())) {
            keycloak.assignRealmRole(existing.id(), role.name());
        }
        UserProfile profile = UserProfile.create(UUID.fromString(existing.id()), Inputs.email(account.email()),
                account.fullName(), null, Set.of(role.name()), Origin.SEEDED, existing.emailVerified(),
                clock.instant());
        changes.register(profile, role);
        return profile;
    }

    private void addDemoAddress(UserProfile profile) {
        AddressDetails details = new AddressDetails(profile.fullName(), "+9779800000003", "Durbar Marg 12", null,
                "Kathmandu", "Bagmati", "44600", "NP");
        addressBooks.change(profile.id(), book -> book.addresses().isEmpty()
                ? book.add(details, true, clock.instant()) : null);
    }
}
