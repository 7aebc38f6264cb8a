package io.haat.order.order;

import io.haat.events.Money;
import io.haat.events.orders.OrderStatus;
import java.time.Instant;
import java.util.UUID;

/** One of the caller's orders in {@code GET /orders}; {@code GET /orders/{id}} has the rest. */
public record OrderSummary(UUID id, OrderStatus status, Money total, int sellerOrderCount, int itemCount,
                           Instant paymentDeadline, Instant placedAt) {
}
