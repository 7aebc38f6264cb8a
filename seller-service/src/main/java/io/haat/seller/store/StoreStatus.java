package io.haat.seller.store;

/** ACTIVE stores sell; SUSPENDED ones (their seller is banned) do not; CLOSED ones were deleted by their seller. */
public enum StoreStatus {
    ACTIVE, SUSPENDED, CLOSED
}
