package io.haat.order.report;

import io.haat.events.Money;

/**
 * A store's sales in a range: its parts of confirmed orders that are not cancelled; {@code grossMerchandiseValue} is
 * what its customers were charged (merchandise + shipping − discounts).
 */
public record TopStore(int rank, String storeId, String storeName, String sellerId, long orders, long units,
                       Money merchandise, Money shipping, Money discounts, Money grossMerchandiseValue) {
}
