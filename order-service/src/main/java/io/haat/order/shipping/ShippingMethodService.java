package io.haat.order.shipping;

import io.haat.order.store.StoreInfo;
import io.haat.order.store.StoreOwnership;
import io.haat.platform.domain.Transition;
import io.haat.platform.security.CurrentUser;
import io.haat.platform.web.NotFoundException;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import io.haat.platform.web.UnprocessableException;
import io.haat.platform.web.Versions;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A store's shipping methods: anyone reads the active ones; the store's seller adds, edits and deactivates them.
 * Another seller's store is answered as an unknown one (404).
 */
@Service
public class ShippingMethodService {

    private final ShippingMethodRepository methods;
    private final StoreOwnership ownership;
    private final CurrentUser currentUser;
    private final ShippingProperties properties;
    private final Clock clock;

    public ShippingMethodService(ShippingMethodRepository methods, StoreOwnership ownership, CurrentUser currentUser,
                                 ShippingProperties properties, Clock clock) {
        this.methods = methods;
        this.ownership = ownership;
        this.currentUser = currentUser;
        this.properties = properties;
        this.clock = clock;
    }

    /** The store's active methods, oldest first. */
    @Transactional(readOnly = true)
    public PageResponse<ShippingMethod> list(String storeId, Paging paging) {
        ownership.require(storeId);
        return PageResponse.of(methods.active(storeId, paging), paging, methods.countActive(storeId));
    }

    /** One method: an active one for anyone, an inactive one only for the store's seller. */
    @Transactional(readOnly = true)
    public ShippingMethod get(String storeId, UUID methodId) {
        StoreInfo store = ownership.require(storeId);
        boolean owner = currentUser.isAuthenticated() && store.ownedBy(currentUser.subject());
        return methods.find(storeId, methodId).filter(method -> method.active() || owner)
                .orElseThrow(() -> notFound(methodId));
    }

    @Transactional
    public ShippingMethod create(String storeId, ShippingTerms terms) {
        ownership.requireOwned(storeId);
        methods.lockStore(storeId);
        if (terms.active()) {
            requireRoomFor(storeId);
        }
        ShippingMethod method = ShippingMethod.create(storeId, terms, clock.instant());
        methods.insert(method);
        return method;
    }

    /** Replaces the method's terms (also of an inactive one, which {@code active: true} brings back). */
    @Transactional
    public ShippingMethod edit(String storeId, UUID methodId, ShippingTerms terms, Long expectedVersion) {
        ownership.requireOwned(storeId);
        methods.lockStore(storeId);
        ShippingMethod before = load(storeId, methodId, expectedVersion);
        if (terms.active() && !before.active()) {
            requireRoomFor(storeId);
        }
        return save(before, before.edit(terms, clock.instant()));
    }

    /** Deactivates the method: customers no longer see or get it; already inactive is fine. */
    @Transactional
    public ShippingMethod deactivate(String storeId, UUID methodId, Long expectedVersion) {
        ownership.requireOwned(storeId);
        methods.lockStore(storeId);
        ShippingMethod before = load(storeId, methodId, expectedVersion);
        return save(before, before.deactivate(clock.instant()));
    }

    private ShippingMethod load(String storeId, UUID methodId, Long expectedVersion) {
        ShippingMethod method = methods.findForUpdate(storeId, methodId).orElseThrow(() -> notFound(methodId));
        Versions.requireCurrent("The shipping method", expectedVersion, method.version());
        return method;
    }

    private ShippingMethod save(ShippingMethod before, Transition<ShippingMethod> transition) {
        if (transition.changed()) {
            methods.update(before, transition.state());
        }
        return transition.state();
    }

    private void requireRoomFor(String storeId) {
        int max = properties.maxMethodsPerStore();
        if (methods.countActive(storeId) >= max) {
            throw new UnprocessableException("shipping-method-limit", "Too many shipping methods",
                    "A store has at most " + max + " active shipping methods; deactivate one first.");
        }
    }

    private static NotFoundException notFound(UUID methodId) {
        return new NotFoundException("shipping-method-not-found", "Shipping method not found",
                "Shipping method " + methodId + " was not found.");
    }
}
