package io.haat.order.admin;

import io.haat.events.Money;
import io.haat.events.orders.OrderStatus;
import io.haat.events.payment.PaymentProvider;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One order in {@code GET /admin/orders}: who bought, its status and money ({@code captured} and {@code refunded}
 * from its payment facts), and each store's part with its status.
 */
public record AdminOrderSummary(UUID id, UUID customerId, OrderStatus status, PaymentState paymentState,
                                PaymentProvider paymentProvider, Money total, Money captured, Money refunded,
                                int itemCount, Instant placedAt, List<Part> sellerOrders) {

    /** A store's part of the order. */
    public record Part(UUID id, String storeId, String storeName, String sellerId, String status, Money total,
                       int itemCount) {
    }
}
