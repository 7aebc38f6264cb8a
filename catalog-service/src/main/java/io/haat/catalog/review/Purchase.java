package io.haat.catalog.review;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An order line a customer bought, learnt from {@code orders.order}: it makes the customer eligible to review the
 * product once it is delivered. The id is the order line's ({@code <orderId>:<sku>}), so replays upsert the same one.
 */
@Document("purchases")
@CompoundIndex(name = "customer_product", def = "{'customerId': 1, 'productId': 1}")
@CompoundIndex(name = "order_store", def = "{'orderId': 1, 'storeId': 1}")
public record Purchase(@Id String id, String orderId, String sellerOrderId, String storeId, String customerId,
                       String productId, String sku, boolean delivered, Instant placedAt, Instant deliveredAt) {

    public static String lineId(String orderId, String sku) {
        return orderId + ":" + sku;
    }
}
