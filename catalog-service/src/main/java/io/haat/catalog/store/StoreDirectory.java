package io.haat.catalog.store;

import io.haat.platform.feign.RemoteNotFoundException;
import io.haat.platform.web.ConflictException;
import io.haat.platform.web.ForbiddenException;
import io.haat.platform.web.NotFoundException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Answers "which store is this and may this user sell in it" from the local copies, falling back to
 * seller-service (Feign, circuit breaker) when the copies do not know the store or its seller yet.
 */
@Component
public class StoreDirectory {

    private static final Logger log = LoggerFactory.getLogger(StoreDirectory.class);

    private final LocalCopies copies;
    private final SellerServiceClient sellerService;
    private final Clock clock;

    public StoreDirectory(LocalCopies copies, SellerServiceClient sellerService, Clock clock) {
        this.copies = copies;
        this.sellerService = sellerService;
        this.clock = clock;
    }

    /** A store the user owns and may sell in now; 404 if unknown or someone else's, 403/409 if not allowed to sell. */
    public SellingStore requireSellable(String storeId, String userId) {
        SellingStore owned = requireOwned(storeId, userId);
        if (!owned.seller().isApproved()) {
            throw new ForbiddenException("seller-not-approved", "Seller not approved",
                    "Only approved sellers can list products; your seller account is " + owned.seller().status() + ".");
        }
        if (!owned.store().isActive()) {
            throw new ConflictException("store-not-active", "Store not active",
                    "Store " + storeId + " is " + owned.store().status() + "; products can be added to active stores only.");
        }
        return owned;
    }

    /** A store of this user whatever its status; 404 if unknown or someone else's. */
    public SellingStore requireOwned(String storeId, String userId) {
        StoreCopy store = copies.store(storeId).orElseGet(() -> fetchStore(storeId));
        SellerCopy seller = copies.seller(store.sellerId()).orElseGet(() -> fetchCallerAsSeller(store.sellerId()));
        if (seller == null || !Objects.equals(seller.userId(), userId)) {
            throw notFound(storeId);
        }
        return new SellingStore(store, seller);
    }

    /** Whether the store's products may be shown to the public (the store is active and its seller not banned). */
    public boolean isPubliclyVisible(StoreCopy store) {
        return store.isActive() && copies.seller(store.sellerId()).map(s -> !s.isBanned()).orElse(true);
    }

    /** Whether the local copies say this user owns the store (no remote call: for reads). */
    public boolean isOwnedLocally(String storeId, String userId) {
        return userId != null && copies.store(storeId).flatMap(store -> copies.seller(store.sellerId()))
                .map(seller -> userId.equals(seller.userId())).orElse(false);
    }

    public Optional<StoreCopy> known(String storeId) {
        return copies.store(storeId);
    }

    private StoreCopy fetchStore(String storeId) {
        SellerServiceClient.RemoteStore remote;
        try {
            remote = sellerService.store(storeId);
        } catch (RemoteNotFoundException e) {
            throw notFound(storeId);
        }
        if (remote == null || remote.id() == null || remote.sellerId() == null) {
            throw notFound(storeId);
        }
        StoreCopy copy = new StoreCopy(remote.id(), remote.sellerId(), remote.name(), remote.slug(), remote.status(),
                remote.version() == null ? 0 : remote.version(), clock.instant());
        copies.apply(copy);
        log.info("store {} was not known locally yet; fetched from seller-service", storeId);
        return copies.store(storeId).orElse(copy);
    }

    // /sellers/me relays the caller's token: it tells whether the caller is the store's seller
    private SellerCopy fetchCallerAsSeller(String sellerId) {
        SellerServiceClient.RemoteSeller me;
        try {
            me = sellerService.me();
        } catch (RemoteNotFoundException e) {
            return null;
        }
        if (me == null || me.id() == null) {
            return null;
        }
        SellerCopy copy = new SellerCopy(me.id(), me.userId(), me.businessName(), me.status(),
                me.version() == null ? 0 : me.version(), clock.instant());
        copies.apply(copy);
        return sellerId.equals(me.id()) ? copies.seller(sellerId).orElse(copy) : null;
    }

    private static NotFoundException notFound(String storeId) {
        return NotFoundException.of("Store", storeId);
    }

    /** A store and the seller who owns it. */
    public record SellingStore(StoreCopy store, SellerCopy seller) {
    }
}
