package io.haat.seller.onboarding;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Answers "who is this user as a seller?" for the store, inventory and analytics features. */
@Component
public class SellerAccess {

    private final SellerRepository sellers;

    public SellerAccess(SellerRepository sellers) {
        this.sellers = sellers;
    }

    public Optional<Seller> findByUser(String userId) {
        return sellers.findByUserId(userId);
    }

    /** The caller's seller record if it is approved; otherwise 403 with the reason. */
    public Seller requireApproved(String userId) {
        Seller seller = sellers.findByUserId(userId).orElseThrow(() -> new SellerNotApproved(null));
        if (!seller.isApproved()) {
            throw new SellerNotApproved(seller.status());
        }
        return seller;
    }

    /** Whether the seller is banned (their stores stay suspended until the ban is lifted). */
    public boolean isBanned(UUID sellerId) {
        return sellers.findById(sellerId).map(s -> s.status() == SellerStatus.BANNED).orElse(false);
    }

    public boolean exists(UUID sellerId) {
        return sellers.findById(sellerId).isPresent();
    }
}
