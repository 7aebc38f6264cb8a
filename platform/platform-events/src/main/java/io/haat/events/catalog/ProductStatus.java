package io.haat.events.catalog;

/** A product's moderation and lifecycle state, as {@link ProductChanged} carries it (JSON: the constant's name). */
public enum ProductStatus {
    DRAFT, PENDING_REVIEW, ACTIVE, REJECTED, BANNED, ARCHIVED, DELETED
}
