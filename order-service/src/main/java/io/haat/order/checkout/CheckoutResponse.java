package io.haat.order.checkout;

import io.haat.events.Money;
import io.haat.events.orders.OrderStatus;
import io.haat.events.orders.PaymentChoice;
import io.haat.order.order.Order;
import io.haat.order.order.OrderResponse;
import io.haat.order.pricing.Discounts;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code 201} of {@code POST /checkout}: the new order (PENDING until its stock is reserved), its total and split
 * per store, the payment choice and the provisional payment deadline ({@code GET /orders/{id}} follows it).
 */
public record CheckoutResponse(UUID orderId, OrderStatus status, Money total, PaymentChoice payment,
                               Instant paymentDeadline, List<OrderResponse.SellerOrderView> sellerOrders,
                               List<Discounts.AppliedCoupon> discounts, Instant placedAt) {

    static CheckoutResponse of(Order order) {
        OrderResponse view = OrderResponse.of(order);
        return new CheckoutResponse(order.id(), order.status(), order.total(), order.payment(),
                order.paymentDeadline(), view.sellerOrders(), order.coupons(), order.placedAt());
    }
}
