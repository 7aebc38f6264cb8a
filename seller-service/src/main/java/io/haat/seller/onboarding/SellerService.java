package io.haat.seller.onboarding;

import io.haat.events.Topics;
import io.haat.platform.domain.Transition;
import io.haat.platform.messaging.outbox.EventPublisher;
import io.haat.platform.security.Actor;
import io.haat.platform.web.ConflictException;
import io.haat.platform.web.FieldProblem;
import io.haat.platform.web.InvalidRequestException;
import io.haat.platform.web.NotFoundException;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import io.haat.seller.store.StoreService;
import io.haat.seller.support.AuditTrail;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Seller applications and admin decisions; a ban suspends the seller's stores, an unban reinstates them. */
@Service
public class SellerService {

    private final SellerRepository sellers;
    private final StoreService stores;
    private final EventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    public SellerService(SellerRepository sellers, StoreService stores, EventPublisher events, AuditTrail audit,
                         Clock clock) {
        this.sellers = sellers;
        this.stores = stores;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** A first application, or a new one after a rejection. */
    @Transactional
    public Seller apply(Actor actor, String email, SellerApplicationRequest request) {
        BusinessDetails details = request.toDetails(email);
        if (details.contactEmail() == null || details.contactEmail().isBlank()) {
            throw new InvalidRequestException("A contact email is required (your account has none).",
                    List.of(new FieldProblem("contactEmail", "must not be blank")));
        }
        var existing = sellers.lockByUserId(actor.id());
        if (existing.isEmpty()) {
            Transition<Seller> applied = Seller.apply(actor.id(), details, clock.instant());
            sellers.insert(applied.state());
            publish(applied);
            audit.record(actor, "seller.apply", "seller", applied.state().id(), null,
                    SellerResponse.from(applied.state()));
            return applied.state();
        }
        Seller before = existing.get();
        if (!before.mayApplyAgain()) {
            throw new ConflictException("seller-application-exists", "Already applied",
                    "You have already applied to sell; your application is " + before.status() + ".")
                    .with("sellerId", before.id()).with("status", before.status().name());
        }
        return save(before, before.resubmit(details, clock.instant()), actor, "seller.resubmit").state();
    }

    @Transactional(readOnly = true)
    public Seller mine(String userId) {
        return sellers.findByUserId(userId).orElseThrow(() -> new NotFoundException(
                "seller-application-not-found", "No seller application", "You have not applied to sell yet."));
    }

    @Transactional(readOnly = true)
    public PageResponse<Seller> list(SellerStatus status, Paging paging) {
        return sellers.page(status, paging);
    }

    @Transactional(readOnly = true)
    public Seller get(UUID id) {
        return sellers.findById(id).orElseThrow(() -> NotFoundException.of("Seller", id));
    }

    /**
     * The admin decisions. Each answers with the seller as it is afterwards; a decision the seller already has
     * (approving an approved seller, banning a banned one, …) changes nothing and raises no event or audit record.
     */
    @Transactional
    public Seller approve(UUID id, Actor admin) {
        return decide(id, admin, "seller.approve", s -> s.approve(admin.id(), clock.instant())).state();
    }

    @Transactional
    public Seller reject(UUID id, String reason, Actor admin) {
        return decide(id, admin, "seller.reject", s -> s.reject(reason.strip(), admin.id(), clock.instant())).state();
    }

    @Transactional
    public Seller ban(UUID id, String reason, Actor admin) {
        Transition<Seller> banned = decide(id, admin, "seller.ban",
                s -> s.ban(reason.strip(), admin.id(), clock.instant()));
        if (banned.changed()) {
            stores.suspendAllOf(id, admin);
        }
        return banned.state();
    }

    @Transactional
    public Seller unban(UUID id, Actor admin) {
        Transition<Seller> unbanned = decide(id, admin, "seller.unban", s -> s.unban(admin.id(), clock.instant()));
        if (unbanned.changed()) {
            stores.reinstateAllOf(id, admin);
        }
        return unbanned.state();
    }

    /** identity-service banned the user: if they sell, ban the seller and suspend their stores (once). */
    @Transactional
    public void banUser(String userId, String reason, String bannedBy) {
        sellers.lockByUserId(userId).ifPresent(seller -> {
            Actor actor = new Actor(bannedBy == null ? Actor.system("seller-service").id() : bannedBy, "ADMIN");
            String why = reason == null || reason.isBlank() ? "User banned" : reason;
            if (save(seller, seller.ban(why, actor.id(), clock.instant()), actor, "seller.ban").changed()) {
                stores.suspendAllOf(seller.id(), actor);
            }
        });
    }

    /** identity-service lifted the user's ban: lift the seller's ban too (a seller not banned stays as it is). */
    @Transactional
    public void unbanUser(String userId, String unbannedBy) {
        sellers.lockByUserId(userId).ifPresent(seller -> {
            Actor actor = new Actor(unbannedBy == null ? Actor.system("seller-service").id() : unbannedBy, "ADMIN");
            if (save(seller, seller.unban(actor.id(), clock.instant()), actor, "seller.unban").changed()) {
                stores.reinstateAllOf(seller.id(), actor);
            }
        });
    }

    private Transition<Seller> decide(UUID id, Actor admin, String action,
                                      Function<Seller, Transition<Seller>> transition) {
        Seller before = sellers.lockById(id).orElseThrow(() -> NotFoundException.of("Seller", id));
        return save(before, transition.apply(before), admin, action);
    }

    /** Load, call, save: stores a changed seller over the one loaded, then its events and audit record. */
    private Transition<Seller> save(Seller before, Transition<Seller> transition, Actor actor, String action) {
        if (transition.changed()) {
            Seller after = transition.state();
            sellers.save(before, after);
            publish(transition);
            audit.record(actor, action, "seller", after.id(), SellerResponse.from(before), SellerResponse.from(after));
        }
        return transition;
    }

    private void publish(Transition<Seller> transition) {
        transition.events().forEach(event ->
                events.publish(Topics.SELLER_SELLER, event, transition.state().version()));
    }
}
