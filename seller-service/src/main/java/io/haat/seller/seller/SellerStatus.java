package io.haat.seller.seller;

/** Where a seller's application stands. */
public enum SellerStatus {
    PENDING, APPROVED, REJECTED, BANNED
}
