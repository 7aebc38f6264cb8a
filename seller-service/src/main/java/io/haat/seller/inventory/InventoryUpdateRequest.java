package io.haat.seller.inventory;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * {@code PUT /stores/{id}/inventory/{sku}}: set the {@code quantity}, or {@code adjustBy} a number of
 * units (negative to remove), and/or change the {@code lowStockThreshold}. {@code version} (or an
 * If-Match header) makes the change conditional on the version last read.
 */
public record InventoryUpdateRequest(
        @PositiveOrZero @Max(1_000_000_000) Integer quantity,
        @Min(-1_000_000_000) @Max(1_000_000_000) Integer adjustBy,
        @PositiveOrZero @Max(1_000_000_000) Integer lowStockThreshold,
        @Size(max = 200) String reason,
        @PositiveOrZero Long version) {

    @AssertTrue(message = "give either quantity or adjustBy, not both")
    public boolean isQuantityOrAdjustment() {
        return quantity == null || adjustBy == null;
    }

    @AssertTrue(message = "give quantity, adjustBy or lowStockThreshold")
    public boolean isSomethingToChange() {
        return quantity != null || adjustBy != null || lowStockThreshold != null;
    }
}
