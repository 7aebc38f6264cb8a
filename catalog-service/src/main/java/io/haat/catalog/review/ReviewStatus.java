package io.haat.catalog.review;

/** VISIBLE reviews count in the rating and are shown; HIDDEN ones (by an admin) are neither. */
public enum ReviewStatus {
    VISIBLE, HIDDEN
}
