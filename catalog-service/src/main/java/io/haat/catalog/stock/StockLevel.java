package io.haat.catalog.stock;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Availability of one SKU of a store, kept from seller-service's {@code StockLevelChanged} events. */
@Document("stock_levels")
public record StockLevel(@Id String id, String storeId, String sku, int quantity, int reserved, int available,
                         long version, Instant updatedAt) {

    public static String idOf(String storeId, String sku) {
        return storeId + ":" + sku;
    }
}
