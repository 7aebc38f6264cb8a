package io.haat.order.order;

import io.haat.events.Money;
import io.haat.events.inventory.StockLine;
import io.haat.events.orders.DeliveryStatus;
import io.haat.events.orders.GeoPoint;
import io.haat.events.orders.OrderStatus;
import io.haat.events.payment.PaymentProvider;
import io.haat.order.pricing.DeliveryAddress;
import io.haat.order.pricing.Discounts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
            return of(part, null);
        }

        /** With its delivery once shipped; before, the estimate checkout gave. */
        static SellerOrderView of(SellerOrder part, Delivery delivery) {
            return new SellerOrderView(part.id(), part.storeId(), part.status(),
                    part.items().stream().map(Item::of).toList(), part.merchandise(), part.shipping(),
                    part.discount(), part.total(),
                    new ShippingMethod(part.shippingMethod().methodId(), part.shippingMethod().name()),
                    delivery != null ? delivery : Delivery.estimated(part.shippingMethod()));
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

    /**
     * The delivery of a seller order: before shipment only the estimate checkout gave (dates, UTC); once shipped its
     * id, status, agent (when the marketplace delivers) or carrier and tracking, the estimate refined at shipment and
     * out for delivery, and its steps (status, time, location, note).
     */
    public record Delivery(UUID id, DeliveryStatus status, String agentId, LocalDate estimatedFrom,
                           LocalDate estimatedTo, String carrier, String trackingNumber, String trackingUrl,
                           List<Step> steps) {

        static Delivery estimated(SellerOrder.ShippingChoice method) {
            return new Delivery(null, null, null, method.estimatedFrom(), method.estimatedTo(), null, null, null,
                    List.of());
        }
    }

    /** One step of a delivery as the customer sees it. */
    public record Step(DeliveryStatus status, Instant at, GeoPoint location, String note) {
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
        return of(order, Map.of());
    }

    /** The order with the deliveries of its shipped seller orders (by seller order id). */
    public static OrderResponse of(Order order, Map<UUID, Delivery> deliveries) {
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
                order.sellerOrders().stream().map(part -> SellerOrderView.of(part, deliveries.get(part.id())))
                        .toList(), order.coupons(), payment,
                order.address(), order.timeline(), cancellation, order.placedAt());
    }
}
