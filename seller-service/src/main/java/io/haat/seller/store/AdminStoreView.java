package io.haat.seller.store;

import io.haat.events.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A store as admins monitor it ({@code GET /admin/stores}): the store, why an admin suspended it (null otherwise), how
 * many SKUs its inventory holds and its sales of the last 30 days per currency (seller-service's own figures).
 *
 * @param skuCount inventory items (one per SKU, i.e. per product variant) of the store: seller-service keeps no copy
 *                 of the catalogue, so it cannot count products; a SKU with no stock line yet is not counted
 */
public record AdminStoreView(UUID id, UUID sellerId, String name, String slug, StoreStatus status,
                             String suspensionReason, Instant createdAt, Instant updatedAt, long version, long skuCount,
                             List<Sales> last30Days) {

    /**
     * Confirmed orders and their revenue in one currency; {@code netRevenue} is after cancellations, returns and
     * refunds (as the store's sales dashboard counts them).
     */
    public record Sales(String currency, long orders, Money revenue, Money netRevenue) {
    }
}
