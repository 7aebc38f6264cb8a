package io.haat.catalog.tracking;

/** A search result was clicked (a Spring event): which product, for which query as typed. */
public record SearchClicked(String query, String productId) {
}
