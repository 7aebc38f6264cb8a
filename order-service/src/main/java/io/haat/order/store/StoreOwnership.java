package io.haat.order.store;

import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The check behind every "SELLER owner" endpoint of order-service ({@code /stores/{id}/coupons},
 * {@code /shipping-methods}, {@code /orders}): the store must be one of the caller's, as the local copies say.
 * A store that is not the caller's is answered exactly like one that does not exist (404), so nobody learns
 * which store ids exist.
 */
@Component
public class StoreOwnership {

    private final StoreCopies stores;
    private final CurrentUser currentUser;

    public StoreOwnership(StoreCopies stores, CurrentUser currentUser) {
        this.stores = stores;
        this.currentUser = currentUser;
    }

    /** The caller's store, or 404 {@code store-not-found}. */
    public StoreInfo requireOwned(String storeId) {
        String caller = currentUser.subject();
        return stores.find(storeId).filter(store -> store.ownedBy(caller))
                .orElseThrow(() -> notFound(storeId));
    }

    /** Whether the store is the caller's (for resources that belong to a store, answered 404 when it is not). */
    public boolean owns(String storeId) {
        return stores.find(storeId).filter(store -> store.ownedBy(currentUser.subject())).isPresent();
    }

    /** Any known store (public reads such as a store's shipping methods), or 404 {@code store-not-found}. */
    public StoreInfo require(String storeId) {
        return stores.find(storeId).orElseThrow(() -> notFound(storeId));
    }

    private static NotFoundException notFound(String storeId) {
        return new NotFoundException("store-not-found", "Store not found", "Store " + storeId + " was not found.");
    }
}
