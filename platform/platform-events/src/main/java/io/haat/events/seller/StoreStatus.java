package io.haat.events.seller;

/**
 * A store's state, as {@link StoreChanged} carries it (JSON: the constant's name): ACTIVE stores sell, SUSPENDED
 * ones (their seller is banned) do not, CLOSED ones were deleted by their seller.
 */
public enum StoreStatus {
    ACTIVE, SUSPENDED, CLOSED
}
