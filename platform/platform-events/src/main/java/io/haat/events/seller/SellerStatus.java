package io.haat.events.seller;

/** Where a seller's application stands, as {@link SellerStatusChanged} carries it (JSON: the constant's name). */
public enum SellerStatus {
    PENDING, APPROVED, REJECTED, BANNED
}
