package io.haat.seller.inventory;

import java.time.Instant;

/**
 * Stock of one SKU as its seller sees it. {@code inCatalog} false flags a SKU that no product of the store lists in the
 * catalog (yet): it cannot be sold until one does.
 */
public record InventoryResponse(String sku, int quantity, int reserved, int available, int lowStockThreshold,
                                boolean lowStock, long version, Instant updatedAt, boolean inCatalog) {

    public static InventoryResponse from(InventoryItem item) {
        return new InventoryResponse(item.sku(), item.quantity(), item.reserved(), item.available(),
                item.lowStockThreshold(), item.isLow(), item.version(), item.updatedAt(),
                item.inCatalog());
    }
}
