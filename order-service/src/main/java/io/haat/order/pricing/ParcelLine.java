package io.haat.order.pricing;

/** One line of a seller order's parcel, for a shipping quote (the weight comes from the catalog copy). */
public record ParcelLine(String productId, String sku, int quantity) {
}
