package io.haat.seller.inventory;

import java.time.Instant;
import java.util.UUID;

/**
 * Stock of one SKU in one store. {@code available = quantity - reserved}; it is "low" when available is
 * at or below the threshold. {@code lowStock} is the flag as of the last recorded change, so that a
 * crossing of the threshold is noticed once.
 */
public record InventoryItem(UUID storeId, String sku, int quantity, int reserved, int lowStockThreshold,
                            boolean lowStock, long version, Instant updatedAt, boolean inCatalog) {

    public int available() {
        return quantity - reserved;
    }

    /** Whether the current numbers are at or below the threshold (whatever the recorded flag says). */
    public boolean isLow() {
        return available() <= lowStockThreshold;
    }

    /** The quantity after setting it to {@code newQuantity}; refused if reserved units would not be covered. */
    public int checkedQuantity(int newQuantity) {
        if (newQuantity < reserved) {
            throw new StockBelowReserved(sku, newQuantity, reserved);
        }
        return newQuantity;
    }

    /** The quantity after adding {@code delta} (negative to remove units). */
    public int adjustedQuantity(int delta) {
        long result = (long) quantity + delta;
        if (result < 0 || result > Integer.MAX_VALUE) {
            throw new StockBelowReserved(sku, (int) Math.max(Integer.MIN_VALUE, Math.min(result, Integer.MAX_VALUE)),
                    reserved);
        }
        return checkedQuantity((int) result);
    }
}
