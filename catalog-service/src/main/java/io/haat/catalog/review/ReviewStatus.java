package io.haat.catalog.review;

/**
 * VISIBLE reviews count in the rating and are shown; HIDDEN ones (by an admin) are neither; DELETED ones (by their
 * author) are a tombstone that keeps the order line reviewed and is shown to nobody.
 */
public enum ReviewStatus {
    VISIBLE, HIDDEN, DELETED
}
