package io.haat.seller.seller;

import io.haat.events.Topics;
import io.haat.events.seller.SellerStatusChanged;
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
import java.util.function.UnaryOperator;
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
        if (existing.isPresent() && existing.get().status() != SellerStatus.REJECTED) {
            throw new ConflictException("seller-application-exists", "Already applied",
                    "You have already applied to sell; your application is " + existing.get().status() + ".")
                    .with("sellerId", existing.get().id()).with("status", existing.get().status().name());
        }
        Seller seller = existing.isPresent()
                ? sellers.update(existing.get().resubmit(details, clock.instant()))
                : sellers.insert(Seller.apply(actor.id(), details, clock.instant()));
        publish(seller);
        audit.record(actor, existing.isPresent() ? "seller.resubmit" : "seller.apply", "seller", seller.id(),
                existing.map(SellerResponse::from).orElse(null), SellerResponse.from(seller));
        return seller;
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

    @Transactional
    public Seller approve(UUID id, Actor admin) {
        return decide(id, admin, "seller.approve", s -> s.approve(admin.id(), clock.instant()));
    }

    @Transactional
    public Seller reject(UUID id, String reason, Actor admin) {
        return decide(id, admin, "seller.reject", s -> s.reject(reason.strip(), admin.id(), clock.instant()));
    }

    @Transactional
    public Seller ban(UUID id, String reason, Actor admin) {
        Seller banned = decide(id, admin, "seller.ban", s -> s.ban(reason.strip(), admin.id(), clock.instant()));
        stores.suspendAllOf(banned.id(), admin);
        return banned;
    }

    @Transactional
    public Seller unban(UUID id, Actor admin) {
        Seller unbanned = decide(id, admin, "seller.unban", s -> s.unban(admin.id(), clock.instant()));
        stores.reinstateAllOf(unbanned.id(), admin);
        return unbanned;
    }

    /** identity-service banned the user: if they sell, ban the seller and suspend their stores. */
    @Transactional
    public void banUser(String userId, String reason, String bannedBy) {
        sellers.lockByUserId(userId).filter(s -> s.status() != SellerStatus.BANNED).ifPresent(seller -> {
            Actor actor = new Actor(bannedBy == null ? Actor.system("seller-service").id() : bannedBy, "ADMIN");
            String why = reason == null || reason.isBlank() ? "User banned" : reason;
            Seller banned = save(seller, seller.ban(why, actor.id(), clock.instant()), actor, "seller.ban");
            stores.suspendAllOf(banned.id(), actor);
        });
    }

    /** identity-service lifted the user's ban: lift the seller's ban too. */
    @Transactional
    public void unbanUser(String userId, String unbannedBy) {
        sellers.lockByUserId(userId).filter(s -> s.status() == SellerStatus.BANNED).ifPresent(seller -> {
            Actor actor = new Actor(unbannedBy == null ? Actor.system("seller-service").id() : unbannedBy, "ADMIN");
            Seller unbanned = save(seller, seller.unban(actor.id(), clock.instant()), actor, "seller.unban");
            stores.reinstateAllOf(unbanned.id(), actor);
        });
    }

    private Seller decide(UUID id, Actor admin, String action, UnaryOperator<Seller> transition) {
        Seller before = sellers.lockById(id).orElseThrow(() -> NotFoundException.of("Seller", id));
        return save(before, transition.apply(before), admin, action);
    }

    private Seller save(Seller before, Seller changed, Actor actor, String action) {
        Seller after = sellers.update(changed);
        publish(after);
        audit.record(actor, action, "seller", after.id(), SellerResponse.from(before), SellerResponse.from(after));
        return after;
    }

    private void publish(Seller seller) {
        events.publish(Topics.SELLER_SELLER, new SellerStatusChanged(seller.id().toString(), seller.userId(),
                seller.details().businessName(), published(seller.status()), seller.statusReason()), seller.version());
    }

    // exhaustive on purpose: a new seller status does not compile until the contract knows it
    private static io.haat.events.seller.SellerStatus published(SellerStatus status) {
        return switch (status) {
            case PENDING -> io.haat.events.seller.SellerStatus.PENDING;
            case APPROVED -> io.haat.events.seller.SellerStatus.APPROVED;
            case REJECTED -> io.haat.events.seller.SellerStatus.REJECTED;
            case BANNED -> io.haat.events.seller.SellerStatus.BANNED;
        };
    }
}
