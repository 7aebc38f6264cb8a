package io.haat.order.report;

import io.haat.events.Money;

/**
 * A product's sales in a range: confirmed orders and store parts that are not cancelled; {@code sales} is
 * merchandise (list price × quantity) minus the discounts on its lines.
 */
public record TopProduct(int rank, String productId, String name, String storeId, long orders, long units,
                         Money merchandise, Money discounts, Money sales) {
}
