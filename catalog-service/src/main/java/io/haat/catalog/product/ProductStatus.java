package io.haat.catalog.product;

/**
 * Where a product stands. {@code DRAFT} → {@code PENDING_REVIEW} → {@code ACTIVE} | {@code REJECTED}; admins ban
 * ({@code BANNED}), owners and admins archive ({@code ARCHIVED}); {@code DELETED} is final. Only ACTIVE products
 * of visible stores are public.
 */
public enum ProductStatus {
    DRAFT, PENDING_REVIEW, ACTIVE, REJECTED, BANNED, ARCHIVED, DELETED
}
