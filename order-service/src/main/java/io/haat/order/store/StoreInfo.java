package io.haat.order.store;

import io.haat.events.seller.SellerStatus;
import io.haat.events.seller.StoreStatus;

/**
 * A store as order-service knows it from seller-service's events: its seller, the seller account's user
 * ({@code ownerUserId}, null until the seller's event arrived) and both statuses.
 */
public record StoreInfo(String storeId, String sellerId, String name, StoreStatus status, String ownerUserId,
                        SellerStatus sellerStatus) {

    public boolean ownedBy(String userId) {
        return ownerUserId != null && ownerUserId.equals(userId);
    }

    /** Whether customers may order from it now: the store is active and its seller approved. */
    public boolean selling() {
        return status == StoreStatus.ACTIVE && sellerStatus == SellerStatus.APPROVED;
    }
}
