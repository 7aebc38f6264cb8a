package io.haat.order.order;

import io.haat.events.Money;
import io.haat.events.inventory.StockLine;
import io.haat.events.orders.OrderStatus;
import io.haat.events.payment.PaymentProvider;
import io.haat.order.pricing.DeliveryAddress;
import io.haat.order.pricing.Discounts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An order as its customer sees it ({@code GET /orders/{id}}): totals, one entry per seller order with its lines,
 * shipping, discount and delivery estimate, the coupons applied, a payment summary, the address and the timeline.
 */
public record OrderResponse(UUID id, OrderStatus status, Money total, Money merchandise, Money shipping,
                            Money discount, List<SellerOrderView> sellerOrders, List<Discounts.AppliedCoupon> discounts,
                            PaymentSummary payment, DeliveryAddress address, List<TimelineEntry> timeline,
                            CancellationView cancellation, Instant placedAt) {

    public record SellerOrderView(UUID id, String storeId, SellerOrderState status, List<Item> items,
                                  Money merchandise, Money shipping, Money discount, Money total,
                                  ShippingMethod shippingMethod, Delivery delivery) {

        static SellerOrderView of(SellerOrder part) {
            return new SellerOrderView(part.id(), part.storeId(), part.status(),
                    part.items().stream().map(Item::of).toList(), part.merchandise(), part.shipping(),
                    part.discount(), part.total(),
                    new ShippingMethod(part.shippingMethod().methodId(), part.shippingMethod().name()),
                    new Delivery(part.shippingMethod().estimatedFrom(), part.shippingMethod().estimatedTo()));
        }
    }

    public record Item(String productId, String sku, String name, int quantity, Money unitPrice, Money discount,
                       Money total) {

        static Item of(OrderItem item) {
            return new Item(item.productId(), item.sku(), item.name(), item.quantity(), item.unitPrice(),
                    item.discount(), item.total());
        }
    }

    public record ShippingMethod(String id, String name) {
    }

    /** The delivery estimate given at checkout (dates, UTC). */
    public record Delivery(LocalDate estimatedFrom, LocalDate estimatedTo) {
    }

    /**
     * @param covered captured + cash on delivery accepted
     * @param due     what is still to pay (zero once confirmed or cancelled)
     */
    public record PaymentSummary(PaymentProvider provider, Money cashOnDelivery, Instant deadline, Money covered,
                                 Money captured, Money refunded, Money due, List<PaymentFact> payments) {
    }

    public record CancellationView(String reason, String detail, List<StockLine> rejectedLines,
                                   Instant at) {
    }

    public static OrderResponse of(Order order) {
        Money zero = Money.zero(order.total().currency());
        Money merchandise = order.sellerOrders().stream().map(SellerOrder::merchandise).reduce(zero, Money::plus);
        Money shipping = order.sellerOrders().stream().map(SellerOrder::shipping).reduce(zero, Money::plus);
        Money discount = order.sellerOrders().stream().map(SellerOrder::discount).reduce(zero, Money::plus);
        Money covered = order.covered();
        Money due = order.status() == OrderStatus.PENDING || order.status() == OrderStatus.AWAITING_PAYMENT
                ? new Money(Math.max(0, order.total().amountMinor() - covered.amountMinor()), zero.currency()) : zero;
        Money captured = order.payments().stream()
                .filter(p -> p.state() == PaymentFact.State.CAPTURED).map(PaymentFact::amount)
                .reduce(zero, Money::plus);
        var payment = new PaymentSummary(order.payment().provider(), order.payment().cashOnDelivery(),
                order.paymentDeadline(), covered, captured, order.refunded(), due, order.payments());
        var cancellation = order.cancellation() == null ? null : new CancellationView(
                order.cancellation().reason().name(), order.cancellation().detail(),
                order.cancellation().rejectedLines(), order.cancellation().at());
        return new OrderResponse(order.id(), order.status(), order.total(), merchandise, shipping, discount,
                order.sellerOrders().stream().map(SellerOrderView::of).toList(), order.coupons(), payment,
                order.address(), order.timeline(), cancellation, order.placedAt());
    }
}
