package io.haat.events.inventory;

/** One SKU of one store and a quantity, as reserved, rejected or released. */
public record StockLine(String storeId, String sku, int quantity) {
}
