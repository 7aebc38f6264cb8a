package io.haat.seller.store;

import io.haat.platform.security.Actor;
import io.haat.platform.web.NotFoundException;
import io.haat.seller.onboarding.Seller;
import io.haat.seller.onboarding.SellerAccess;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Ownership of stores: a seller reaches only their own stores, admins reach every store. Anything
 * else is answered 404, so that a store's existence is not revealed to other sellers.
 */
@Component
public class StoreAccess {

    private final StoreRepository stores;
    private final SellerAccess sellers;

    public StoreAccess(StoreRepository stores, SellerAccess sellers) {
        this.stores = stores;
        this.sellers = sellers;
    }

    /** The store if the actor owns it (or is an admin) and it is not closed; otherwise 404. */
    public Store readable(UUID storeId, Actor actor) {
        Store store = stores.findById(storeId).filter(s -> s.status() != StoreStatus.CLOSED)
                .orElseThrow(() -> notFound(storeId));
        if (actor.isAdmin() || ownedBy(store, actor)) {
            return store;
        }
        throw notFound(storeId);
    }

    /** The store if the actor owns it and is an approved seller; 404 if not theirs, 403 if not approved. */
    public Store writable(UUID storeId, Actor actor) {
        Seller seller = sellers.requireApproved(actor.id());
        Store store = stores.findById(storeId).filter(s -> s.status() != StoreStatus.CLOSED)
                .filter(s -> s.sellerId().equals(seller.id()))
                .orElseThrow(() -> notFound(storeId));
        return store;
    }

    public boolean ownedBy(Store store, Actor actor) {
        return sellers.findByUser(actor.id()).map(s -> s.id().equals(store.sellerId())).orElse(false);
    }

    static NotFoundException notFound(UUID storeId) {
        return NotFoundException.of("Store", storeId);
    }
}
