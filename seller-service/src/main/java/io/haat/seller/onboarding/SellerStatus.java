package io.haat.seller.onboarding;

/** Where a seller's application stands. */
public enum SellerStatus {
    PENDING, APPROVED, REJECTED, BANNED
}
