package io.haat.catalog.stock;

/** A store's SKU may have a new stock level (a Spring event, after it was stored), for read models such as search. */
public record StockLevelApplied(String storeId, String sku) {
}
