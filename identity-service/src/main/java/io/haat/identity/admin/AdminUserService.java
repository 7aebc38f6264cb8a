package io.haat.identity.admin;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import io.haat.events.Topics;
import io.haat.events.identity.UserBanned;
import io.haat.events.identity.UserUnbanned;
import io.haat.identity.alert.SecurityAlerts;
import io.haat.identity.audit.AuditTrail;
import io.haat.identity.keycloak.BruteForceStatus;
import io.haat.identity.keycloak.KeycloakAdmin;
import io.haat.identity.keycloak.KeycloakUnavailableException;
import io.haat.identity.profile.Role;
import io.haat.identity.profile.UserProfile;
import io.haat.identity.profile.UserProfileRepository;
import io.haat.identity.profile.UserStatus;
import io.haat.platform.messaging.outbox.EventPublisher;
import io.haat.platform.security.Actor;
import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.ConflictException;
import io.haat.platform.web.NotFoundException;
import io.haat.platform.web.PageResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admin user management: search, detail, ban and unban. A ban disables the user in Keycloak and ends their
 * sessions as the last steps of the transaction that holds the local change, its events, its alert and its audit
 * record (Keycloak refusing rolls them back); if the transaction does not commit after all, Keycloak is set back.
 */
@Service
public class AdminUserService {

    private static final Logger log = LoggerFactory.getLogger(AdminUserService.class);

    private final UserProfileRepository profiles;
    private final KeycloakAdmin keycloak;
    private final EventPublisher events;
    private final SecurityAlerts alerts;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final JdbcClient jdbc;

    public AdminUserService(UserProfileRepository profiles, KeycloakAdmin keycloak, EventPublisher events,
                            SecurityAlerts alerts, AuditTrail audit, CurrentUser currentUser,
                            Clock clock, JdbcClient jdbc) {
        this.profiles = profiles;
        this.keycloak = keycloak;
        this.events = events;
        this.alerts = alerts;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    public PageResponse<UserProfile> search(UserProfileRepository.Query query) {
        return profiles.search(query);
    }

    public UserDetailResponse detail(UUID id) {
        UserProfile profile = require(id);
        Optional<BruteForceStatus> lock;
        try {
            lock = Optional.of(keycloak.bruteForceStatus(id.toString()));
        } catch (KeycloakUnavailableException e) {
            lock = Optional.empty(); // the local view is still worth showing
        }
        return UserDetailResponse.from(profile, lock.orElse(null), clock.instant());
    }

    @Transactional
    public UserDetailResponse ban(UUID id, String reason) {
        UUID actor = currentUser.id();
        if (actor.equals(id)) {
            throw new ConflictException("cannot-ban-self", "Cannot ban yourself", "Admins cannot ban themselves.");
        }
        lockAdmins(); // two admins banning each other at once must not leave no admin at all
        UserProfile profile = profiles.lockById(id).orElseThrow(() -> notFound(id));
        if (profile.isBanned()) {
            return UserDetailResponse.from(profile);
        }
        if (profile.hasRole(Role.ADMIN) && profiles.countActive(Role.ADMIN) <= 1) {
            throw new ConflictException("last-admin", "Last admin", "The last active admin cannot be banned.");
        }
        BanState before = BanState.of(profile);
        profile.ban(reason, actor, clock.instant());
        UserProfile saved = profiles.update(profile);
        events.publish(Topics.IDENTITY_USER, new UserBanned(id.toString(), reason, actor.toString()), saved.version());
        alerts.raise(SecurityAlerts.USER_BANNED, "MEDIUM", id.toString(),
                "%s was banned by %s: %s".formatted(saved.email(), actor, reason));
        audit.record(Actor.current(currentUser), "user.ban", "user", id.toString(), before, BanState.of(saved));
        restoreKeycloakOnRollback(id, true);
        keycloak.setEnabled(id.toString(), false);
        keycloak.logout(id.toString());
        return UserDetailResponse.from(saved);
    }

    @Transactional
    public UserDetailResponse unban(UUID id) {
        UUID actor = currentUser.id();
        UserProfile profile = profiles.lockById(id).orElseThrow(() -> notFound(id));
        if (!profile.isBanned()) {
            return UserDetailResponse.from(profile);
        }
        BanState before = BanState.of(profile);
        profile.unban();
        UserProfile saved = profiles.update(profile);
        events.publish(Topics.IDENTITY_USER, new UserUnbanned(id.toString(), actor.toString()), saved.version());
        audit.record(Actor.current(currentUser), "user.unban", "user", id.toString(), before, BanState.of(saved));
        restoreKeycloakOnRollback(id, false);
        keycloak.setEnabled(id.toString(), true);
        return UserDetailResponse.from(saved);
    }

    private void lockAdmins() {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext('identity.admin-bans'))) AS locked")
                .query(Integer.class).single();
    }

    /** If the transaction rolls back after Keycloak was changed, Keycloak gets its old state back. */
    private void restoreKeycloakOnRollback(UUID id, boolean wasEnabled) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    return;
                }
                try {
                    keycloak.setEnabled(id.toString(), wasEnabled);
                } catch (RuntimeException e) {
                    log.error("User {} may be {} in Keycloak but not here: restoring it failed", id,
                            wasEnabled ? "disabled" : "enabled", e);
                }
            }
        });
    }

    /** What a ban changes, as the audit trail's before/after. */
    private record BanState(UserStatus status, String banReason) {

        static BanState of(UserProfile profile) {
            return new BanState(profile.status(), profile.banReason());
        }
    }

    private UserProfile require(UUID id) {
        return profiles.findById(id).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("User " + id + " was not found.");
    }
}
