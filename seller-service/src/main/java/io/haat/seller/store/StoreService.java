package io.haat.seller.store;

import io.haat.seller.SellerLimits;

import io.haat.events.Topics;
import io.haat.platform.domain.Transition;
import io.haat.platform.messaging.outbox.EventPublisher;
import io.haat.platform.security.Actor;
import io.haat.platform.web.ConflictException;
import io.haat.platform.web.NotFoundException;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import io.haat.platform.web.Versions;
import io.haat.seller.SellerLimits;
import io.haat.seller.onboarding.Seller;
import io.haat.seller.onboarding.SellerAccess;
import io.haat.seller.support.AuditTrail;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores of approved sellers: open, edit, close (not while orders are open), suspend on a ban. */
@Service
public class StoreService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final StoreRepository stores;
    private final StoreAccess access;
    private final SellerAccess sellers;
    private final EventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;
    private final SellerLimits limits;

    public StoreService(StoreRepository stores, StoreAccess access, SellerAccess sellers, EventPublisher events,
                        AuditTrail audit, Clock clock, SellerLimits limits) {
        this.limits = limits;
        this.stores = stores;
        this.access = access;
        this.sellers = sellers;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Store create(Actor actor, StoreRequest request) {
        Seller seller = sellers.requireApproved(actor.id());
        if (stores.countOpenOfSellerLocked(seller.id()) >= limits.storesPerSeller()) {
            throw new ConflictException("store-limit-reached", "Store limit reached",
                    "A seller may have at most " + limits.storesPerSeller() + " stores; close one first.")
                    .with("limit", limits.storesPerSeller());
        }
        String slug = request.slug() != null ? requireFreeSlug(request.slug(), null) : freeSlugFor(request.name());
        Transition<Store> opened = Store.open(seller.id(), request.name().strip(), slug, request.description(),
                clock.instant());
        Store store = stores.insert(opened.state());
        publish(opened);
        audit.record(actor, "store.create", "store", store.id(), null, StoreResponse.from(store));
        return store;
    }

    /** Edits name, description and (if given) slug; {@code expectedVersion} comes from If-Match when sent. */
    @Transactional
    public Store edit(Actor actor, UUID storeId, StoreRequest request, Long expectedVersion) {
        access.writable(storeId, actor);
        Store before = stores.lockById(storeId).orElseThrow(() -> StoreAccess.notFound(storeId));
        Versions.requireCurrent("The store", expectedVersion, before.version());
        String slug = request.slug() == null || request.slug().equals(before.slug())
                ? before.slug() : requireFreeSlug(request.slug(), storeId);
        return save(before, before.edit(request.name().strip(), slug, request.description(), clock.instant()), actor,
                "store.update");
    }

    /**
     * Closes the store; refused with 409 while it has open orders or reserved stock. A store closed meanwhile (it
     * is locked only after the access check) stays as it is: nothing is written twice.
     */
    @Transactional
    public void delete(Actor actor, UUID storeId) {
        access.writable(storeId, actor);
        // FOR UPDATE waits for reservations in flight on this store and keeps new ones out
        Store before = stores.lockById(storeId).orElseThrow(() -> StoreAccess.notFound(storeId));
        if (stores.hasOpenOrders(storeId)) {
            throw new ConflictException("store-has-open-orders", "Store has open orders",
                    "This store has orders in progress; it can be deleted once they are completed or cancelled.");
        }
        save(before, before.close(clock.instant()), actor, "store.delete");
    }

    @Transactional(readOnly = true)
    public PageResponse<Store> mine(Actor actor, Paging paging) {
        return sellers.findByUser(actor.id()).map(seller -> stores.pageOfSeller(seller.id(), paging))
                .orElseGet(() -> PageResponse.of(List.of(), paging, 0));
    }

    /** The public page: ACTIVE stores for everyone; the owner and admins also see a suspended store. */
    @Transactional(readOnly = true)
    public Store view(UUID storeId, Actor viewer) {
        Store store = stores.findById(storeId).filter(s -> s.status() != StoreStatus.CLOSED)
                .orElseThrow(() -> StoreAccess.notFound(storeId));
        if (store.isVisibleToPublic() || viewer != null && (viewer.isAdmin() || access.ownedBy(store, viewer))) {
            return store;
        }
        throw StoreAccess.notFound(storeId);
    }

    @Transactional(readOnly = true)
    public Store viewBySlug(String slug) {
        return stores.findActiveBySlug(slug).orElseThrow(() -> NotFoundException.of("Store", slug));
    }

    /** The seller was banned: every ACTIVE store of theirs stops selling (the others are left as they are). */
    @Transactional
    public void suspendAllOf(UUID sellerId, Actor actor) {
        for (Store before : stores.lockAllOfSeller(sellerId)) {
            save(before, before.suspend(clock.instant()), actor, "store.suspend");
        }
    }

    /** The seller's ban was lifted: their suspended stores sell again, except those an admin suspended on their own. */
    @Transactional
    public void reinstateAllOf(UUID sellerId, Actor actor) {
        for (Store before : stores.lockAllOfSeller(sellerId)) {
            if (stores.suspensionReason(before.id()).isEmpty()) {
                save(before, before.reinstate(clock.instant()), actor, "store.reinstate");
            }
        }
    }

    /** Admins' view of stores: filtered, paged, each with its SKU count and last-30-days sales. */
    @Transactional(readOnly = true)
    public PageResponse<AdminStoreView> adminList(StoreStatus status, UUID sellerId, String query, Paging paging) {
        return stores.adminPage(status, sellerId, query == null || query.isBlank() ? null : query.strip(),
                clock.instant().minus(Duration.ofDays(30)), paging);
    }

    /**
     * An admin suspends one store (its products leave public reads, it takes no orders): ACTIVE → SUSPENDED with
     * {@code StoreChanged} and an audit record carrying the reason. Already suspended (or closed): answered as it is,
     * nothing written, the first reason stands. The suspension survives the lifting of a seller ban.
     */
    @Transactional
    public AdminStoreView suspend(Actor admin, UUID storeId, String reason) {
        Store before = stores.lockById(storeId).orElseThrow(() -> StoreAccess.notFound(storeId));
        Transition<Store> suspended = before.suspend(clock.instant());
        if (suspended.changed()) {
            stores.save(before, suspended.state());
            stores.setSuspensionReason(storeId, reason);
            publish(suspended);
            audit.record(admin, "store.suspend", "store", storeId, StoreResponse.from(before),
                    Map.of("store", StoreResponse.from(suspended.state()), "reason", reason));
        }
        return adminView(storeId);
    }

    /**
     * An admin reinstates a suspended store: SUSPENDED → ACTIVE with {@code StoreChanged} and an audit record. Already
     * active, or closed (a reinstatement only undoes a suspension, {@link Store#reinstate}): answered as it is, nothing
     * written. A store of a banned seller stays suspended: 409 {@code seller-banned} (lift the ban instead).
     */
    @Transactional
    public AdminStoreView reinstate(Actor admin, UUID storeId) {
        Store before = stores.lockById(storeId).orElseThrow(() -> StoreAccess.notFound(storeId));
        Transition<Store> reinstated = before.reinstate(clock.instant());
        if (reinstated.changed()) {
            if (sellers.isBanned(before.sellerId())) {
                throw new ConflictException("seller-banned", "Seller is banned",
                        "The store's seller is banned; lifting the ban reinstates their stores.");
            }
            stores.save(before, reinstated.state());
            stores.setSuspensionReason(storeId, null);
            publish(reinstated);
            audit.record(admin, "store.reinstate", "store", storeId, StoreResponse.from(before),
                    StoreResponse.from(reinstated.state()));
        }
        return adminView(storeId);
    }

    private AdminStoreView adminView(UUID storeId) {
        return stores.adminView(storeId, clock.instant().minus(Duration.ofDays(30)))
                .orElseThrow(() -> StoreAccess.notFound(storeId));
    }

    /** Load, call, save: stores a changed store over the one loaded, then its events and audit record. */
    private Store save(Store before, Transition<Store> transition, Actor actor, String action) {
        if (!transition.changed()) {
            return before;
        }
        Store after = transition.state();
        stores.save(before, after);
        publish(transition);
        audit.record(actor, action, "store", after.id(), StoreResponse.from(before), StoreResponse.from(after));
        return after;
    }

    private String requireFreeSlug(String slug, UUID storeId) {
        if (stores.slugTaken(slug, storeId)) {
            throw new ConflictException("store-slug-taken", "Slug taken", "The slug '" + slug + "' is already taken.")
                    .with("slug", slug);
        }
        return slug;
    }

    // a name-derived slug never fails the request: a short random suffix makes it unique
    private String freeSlugFor(String name) {
        String base = Store.slugOf(name);
        String slug = base.length() < 2 ? "store" : base;
        while (stores.slugTaken(slug, null)) {
            slug = (base.length() < 2 ? "store" : base) + "-" + Integer.toString(1_000 + RANDOM.nextInt(35_000), 36);
        }
        return slug;
    }

    private void publish(Transition<Store> transition) {
        transition.events().forEach(event ->
                events.publish(Topics.SELLER_STORE, event, transition.state().version()));
    }
}
