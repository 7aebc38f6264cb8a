package io.haat.seller.inventory;

import io.haat.platform.web.ConflictException;

/** 409: a set or adjustment would leave less stock than is reserved for orders (or less than zero). */
public class StockBelowReserved extends ConflictException {

    public StockBelowReserved(String sku, int requestedQuantity, int reserved) {
        super("stock-below-reserved", "Stock below reserved",
                "SKU " + sku + " cannot have " + requestedQuantity + " units: " + reserved
                        + " are reserved for orders.");
        with("reserved", reserved);
        with("requestedQuantity", requestedQuantity);
    }
}
