package io.haat.order.order;

import io.haat.events.inventory.StockLine;
import io.haat.events.orders.CancellationReason;
import java.time.Instant;
import java.util.List;

/**
 * Why and when an order was cancelled. {@code rejectedLines} names the lines seller-service could not reserve
 * (STOCK_REJECTED); {@code beforePayment} says the order was never confirmed, so its coupon uses are given back.
 */
public record Cancellation(CancellationReason reason, String detail, List<StockLine> rejectedLines,
                           boolean beforePayment, Instant at) {

    public Cancellation {
        rejectedLines = rejectedLines == null ? List.of() : List.copyOf(rejectedLines);
    }
}
