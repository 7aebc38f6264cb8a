package io.haat.catalog.store;

/** A store started or stopped selling publicly (its status, or its seller's, changed). */
public record StoreVisibilityChanged(String storeId, boolean visible) {
}
