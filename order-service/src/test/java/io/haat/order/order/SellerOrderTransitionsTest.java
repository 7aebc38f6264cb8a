package io.haat.order.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.events.Money;
import io.haat.events.orders.CancellationReason;
import io.haat.events.orders.OrderCancelled;
import io.haat.events.orders.OrderStatus;
import io.haat.events.orders.PaymentChoice;
import io.haat.events.orders.SellerOrderStatusChanged;
import io.haat.events.payment.PaymentProvider;
import io.haat.order.pricing.DeliveryAddress;
import io.haat.platform.domain.IllegalTransition;
import io.haat.platform.domain.Transition;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The seller-order part of the order's transition table (fulfilment, delivery, completion): every action from every
 * part status, legal ones with exactly their event, "already there" unchanged, every other one illegal.
 */
class SellerOrderTransitionsTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(7);
    private static final SellerOrder.Shipment OWN = new SellerOrder.Shipment("Nepal Post", "NP123", null, T0);
    private static final SellerOrder.Shipment AGENTS = new SellerOrder.Shipment(null, null, null, T0);

    private static Money npr(long minor) {
        return new Money(minor, "NPR");
    }

    private static SellerOrder part(String store, long price, SellerOrderState status) {
        boolean shipped = switch (status) {
            case PENDING, CONFIRMED, PROCESSING, CANCELLED -> false;
            default -> true;
        };
        boolean delivered = shipped && status != SellerOrderState.SHIPPED
                && status != SellerOrderState.OUT_FOR_DELIVERY;
        return new SellerOrder(UUID.randomUUID(), store, "seller-" + store, status,
                List.of(new OrderItem("p-" + store, "sku-" + store, "Thing", 1, npr(price), npr(0))), npr(100),
                npr(0), npr(0), npr(0), new SellerOrder.ShippingChoice("standard", "Standard",
                LocalDate.of(2026, 12, 5), LocalDate.of(2026, 12, 7)), T0,
                shipped ? OWN : null, delivered ? T0 : null, delivered ? T0.plus(WINDOW) : null);
    }

    /** A confirmed order, 1500 NPR captured: store a's part in {@code status}, store b's CONFIRMED. */
    private static Order order(SellerOrderState status, SellerOrderState other) {
        List<SellerOrder> parts = List.of(part("a", 900, status), part("b", 400, other));
        PaymentFact paid = new PaymentFact("pay-1", PaymentProvider.SANDBOX, 1, PaymentFact.State.CAPTURED,
                npr(1500), npr(0), List.of(), T0);
        return new Order(UUID.randomUUID(), UUID.randomUUID(), OrderStatus.CONFIRMED, npr(1500), parts,
                new DeliveryAddress("Ram", "9800000000", "Street 1", null, "Kathmandu", "Bagmati", "44600", "NP"),
                new PaymentChoice(PaymentProvider.SANDBOX, npr(0)), List.of(), List.of(paid),
                List.of(new TimelineEntry("CONFIRMED", "CONFIRMED", T0, "paid")), T0, T0.plusSeconds(900), null, 5,
                T0);
    }

    private static Order order(SellerOrderState status) {
        return order(status, SellerOrderState.CONFIRMED);
    }

    private enum Action {
        PROCESS((o, at) -> o.process(a(o), at)),
        SHIP((o, at) -> o.ship(a(o), OWN, at)),
        OUT_FOR_DELIVERY((o, at) -> o.outForDelivery(a(o), at)),
        DELIVER((o, at) -> o.deliver(a(o), WINDOW, at)),
        CANCEL((o, at) -> o.cancelSellerOrder(a(o), "out of stock", at)),
        RETURN_UNDELIVERED((o, at) -> o.returnUndelivered(a(o), "nobody home", at)),
        COMPLETE((o, at) -> o.complete(a(o), at.plus(WINDOW)));

        final BiFunction<Order, Instant, Transition<Order>> apply;

        Action(BiFunction<Order, Instant, Transition<Order>> apply) {
            this.apply = apply;
        }
    }

    private static UUID a(Order order) {
        return order.sellerOrders().getFirst().id();
    }

    /** For each action: the part statuses it moves from, to what, and the one where it is already there. */
    private static final Map<Action, Map<SellerOrderState, SellerOrderState>> LEGAL = new EnumMap<>(Action.class);
    private static final Map<Action, SellerOrderState> ALREADY = new EnumMap<>(Action.class);

    static {
        LEGAL.put(Action.PROCESS, Map.of(SellerOrderState.CONFIRMED, SellerOrderState.PROCESSING));
        ALREADY.put(Action.PROCESS, SellerOrderState.PROCESSING);
        LEGAL.put(Action.SHIP, Map.of(SellerOrderState.CONFIRMED, SellerOrderState.SHIPPED,
                SellerOrderState.PROCESSING, SellerOrderState.SHIPPED));
        ALREADY.put(Action.SHIP, SellerOrderState.SHIPPED);
        LEGAL.put(Action.OUT_FOR_DELIVERY, Map.of(SellerOrderState.SHIPPED, SellerOrderState.OUT_FOR_DELIVERY));
        ALREADY.put(Action.OUT_FOR_DELIVERY, SellerOrderState.OUT_FOR_DELIVERY);
        LEGAL.put(Action.DELIVER, Map.of(SellerOrderState.SHIPPED, SellerOrderState.DELIVERED,
                SellerOrderState.OUT_FOR_DELIVERY, SellerOrderState.DELIVERED));
        ALREADY.put(Action.DELIVER, SellerOrderState.DELIVERED);
        LEGAL.put(Action.CANCEL, Map.of(SellerOrderState.CONFIRMED, SellerOrderState.CANCELLED,
                SellerOrderState.PROCESSING, SellerOrderState.CANCELLED));
        ALREADY.put(Action.CANCEL, SellerOrderState.CANCELLED);
        LEGAL.put(Action.RETURN_UNDELIVERED, Map.of(SellerOrderState.SHIPPED, SellerOrderState.CANCELLED,
                SellerOrderState.OUT_FOR_DELIVERY, SellerOrderState.CANCELLED));
        ALREADY.put(Action.RETURN_UNDELIVERED, SellerOrderState.CANCELLED);
        LEGAL.put(Action.COMPLETE, Map.of(SellerOrderState.DELIVERED, SellerOrderState.COMPLETED,
                SellerOrderState.RETURN_REJECTED, SellerOrderState.COMPLETED,
                SellerOrderState.REFUNDED, SellerOrderState.COMPLETED));
        ALREADY.put(Action.COMPLETE, SellerOrderState.COMPLETED);
    }

    @Test
    void everyActionFromEveryPartStatus() {
        List<String> checked = new ArrayList<>();
        Instant at = T0.plusSeconds(60);
        for (Action action : Action.values()) {
            for (SellerOrderState from : SellerOrderState.values()) {
                Order before = order(from);
                String what = action + " from " + from;
                SellerOrderState to = LEGAL.get(action).get(from);
                if (to != null) {
                    Transition<Order> moved = action.apply.apply(before, at);
                    SellerOrder after = moved.state().sellerOrders().getFirst();
                    assertThat(after.status()).as(what).isEqualTo(to);
                    assertThat(moved.state().sellerOrders().get(1)).as(what).isEqualTo(before.sellerOrders().get(1));
                    assertThat(moved.state().status()).as(what).isEqualTo(OrderStatus.CONFIRMED);
                    assertThat(moved.state().version()).as(what).isEqualTo(before.version() + 1);
                    assertThat(moved.events()).as(what).singleElement().isInstanceOfSatisfying(
                            SellerOrderStatusChanged.class, event -> {
                                assertThat(event.status()).isEqualTo(to.toContract());
                                assertThat(event.sellerOrderId()).isEqualTo(after.id().toString());
                                assertThat(event.orderId()).isEqualTo(before.id().toString());
                                assertThat(event.storeId()).isEqualTo("a");
                                assertThat(event.sellerId()).isEqualTo("seller-a");
                                assertThat(event.customerId()).isEqualTo(before.customerId().toString());
                                assertThat(event.amount()).isEqualTo(npr(1000));
                            });
                    TimelineEntry last = moved.state().timeline().getLast();
                    assertThat(last.sellerOrderId()).as(what).isEqualTo(after.id());
                    assertThat(last.event()).as(what).isEqualTo(to.name());
                    assertThat(last.status()).as(what).isEqualTo("CONFIRMED");
                } else if (from == ALREADY.get(action)) {
                    Transition<Order> same = action.apply.apply(before, at);
                    assertThat(same.changed()).as(what).isFalse();
                    assertThat(same.state()).as(what).isSameAs(before);
                    assertThat(same.events()).as(what).isEmpty();
                } else {
                    assertThatThrownBy(() -> action.apply.apply(before, at)).as(what)
                            .isInstanceOf(IllegalTransition.class)
                            .satisfies(e -> assertThat(((IllegalTransition) e).fromStatus()).isEqualTo(from.name()))
                            .hasMessageContaining("seller-order");
                }
                checked.add(what);
            }
        }
        assertThat(checked).hasSize(Action.values().length * SellerOrderState.values().length);
    }

    @Test
    void shippingKeepsTheCarrierAndTrackingAndNamesThemInTheEvent() {
        Order order = order(SellerOrderState.PROCESSING);
        SellerOrder.Shipment shipment = new SellerOrder.Shipment("Nepal Post", "NP123", "https://t/NP123", T0);
        Transition<Order> shipped = order.ship(a(order), shipment, T0);
        assertThat(shipped.state().sellerOrders().getFirst().shipment()).isEqualTo(shipment);
        assertThat(((SellerOrderStatusChanged) shipped.events().getFirst()).note()).contains("Nepal Post", "NP123");
        assertThat(shipment.ownCarrier()).isTrue();
        assertThat(AGENTS.ownCarrier()).isFalse();
        Transition<Order> byAgents = order.ship(a(order), AGENTS, T0);
        assertThat(((SellerOrderStatusChanged) byAgents.events().getFirst()).note()).contains("delivery");
    }

    @Test
    void deliveryRecordsWhenAndOpensTheReturnWindow() {
        Order order = order(SellerOrderState.OUT_FOR_DELIVERY);
        Instant at = T0.plus(Duration.ofDays(2));
        SellerOrder delivered = order.deliver(a(order), Duration.ofDays(14), at).state().sellerOrders().getFirst();
        assertThat(delivered.deliveredAt()).isEqualTo(at);
        assertThat(delivered.returnWindowEndsAt()).isEqualTo(at.plus(Duration.ofDays(14)));
    }

    @Test
    void completionWaitsForTheEndOfTheReturnWindow() {
        Order order = order(SellerOrderState.DELIVERED);
        Instant ends = order.sellerOrders().getFirst().returnWindowEndsAt();
        assertThatThrownBy(() -> order.complete(a(order), ends.minusMillis(1))).isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("return window");
        assertThat(order.complete(a(order), ends).state().sellerOrders().getFirst().status())
                .isEqualTo(SellerOrderState.COMPLETED);
    }

    @Test
    void cancellingOnePartKeepsTheOrderAndNamesTheReason() {
        Order order = order(SellerOrderState.PROCESSING);
        Transition<Order> cancelled = order.cancelSellerOrder(a(order), "out of stock", T0);
        assertThat(cancelled.state().status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(cancelled.state().cancellation()).isNull();
        assertThat(((SellerOrderStatusChanged) cancelled.events().getFirst()).note()).contains("out of stock");
        assertThat(cancelled.state().timeline().getLast().detail()).contains("out of stock");
    }

    @Test
    void cancellingTheLastLivePartCancelsTheWholeOrderWithOrderCancelledOnly() {
        Order order = order(SellerOrderState.CONFIRMED, SellerOrderState.CANCELLED);
        Transition<Order> cancelled = order.cancelSellerOrder(a(order), "shop closed", T0);
        assertThat(cancelled.state().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.state().sellerOrders()).allMatch(p -> p.status() == SellerOrderState.CANCELLED);
        assertThat(cancelled.state().cancellation().reason()).isEqualTo(CancellationReason.SELLER_CANCELLED);
        assertThat(cancelled.state().returnsCoupons()).isFalse();
        assertThat(cancelled.events()).singleElement().isInstanceOfSatisfying(OrderCancelled.class, event -> {
            assertThat(event.reasonCode()).isEqualTo(CancellationReason.SELLER_CANCELLED);
            assertThat(event.reason()).contains("shop closed");
            assertThat(event.refundDue()).isTrue();
        });
        // a parcel returned undelivered when the other part was cancelled: the same
        Order shipped = order(SellerOrderState.OUT_FOR_DELIVERY, SellerOrderState.CANCELLED);
        assertThat(shipped.returnUndelivered(a(shipped), "refused", T0).events()).singleElement()
                .isInstanceOf(OrderCancelled.class);
        // a part delivered elsewhere keeps the order alive
        Order mixed = order(SellerOrderState.CONFIRMED, SellerOrderState.DELIVERED);
        assertThat(mixed.cancelSellerOrder(a(mixed), "x", T0).state().status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void theCustomerMayCancelWhatIsLeftAfterAStoreCancelledItsPart() {
        Order order = order(SellerOrderState.CONFIRMED);
        Order oneCancelled = order.cancelSellerOrder(order.sellerOrders().get(1).id(), "x", T0).state();
        Transition<Order> rest = oneCancelled.cancelByCustomer(T0);
        assertThat(rest.state().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(rest.events()).singleElement().isInstanceOf(OrderCancelled.class);
        Order shipped = order.ship(a(order), OWN, T0).state();
        assertThatThrownBy(() -> shipped.cancelByCustomer(T0)).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void theCashDueFollowsTheContractsSplitTheRulePaymentServiceCapturesBy() {
        Order order = order(SellerOrderState.CONFIRMED);   // parts of 1000 and 500 NPR
        UUID a = a(order);
        UUID b = order.sellerOrders().get(1).id();
        Order allCash = withPayment(order, new PaymentChoice(PaymentProvider.CASH_ON_DELIVERY, npr(1500)));
        assertThat(allCash.cashDue(a)).isEqualTo(npr(1000));
        assertThat(allCash.cashDue(b)).isEqualTo(npr(500));
        Order none = withPayment(order, new PaymentChoice(PaymentProvider.SANDBOX, npr(0)));
        assertThat(none.cashDue(a)).isEqualTo(npr(0));
        // 101 in cash, 1,399 online: online pays the first part in full and 399 of the second, cash the other 101
        Order part = withPayment(order, new PaymentChoice(PaymentProvider.SANDBOX, npr(101)));
        assertThat(part.cashDue(a)).isEqualTo(npr(0));
        assertThat(part.cashDue(b)).isEqualTo(npr(101));
    }

    private static Order withPayment(Order o, PaymentChoice payment) {
        return new Order(o.id(), o.customerId(), o.status(), o.total(), o.sellerOrders(), o.address(), payment,
                o.coupons(), o.payments(), o.timeline(), o.paymentDeadline(), o.reservationExpiresAt(),
                o.cancellation(), o.version(), o.placedAt());
    }

    @Test
    void anUnknownPartIsAProgrammingError() {
        Order order = order(SellerOrderState.CONFIRMED);
        assertThatThrownBy(() -> order.process(UUID.randomUUID(), T0)).isInstanceOf(IllegalArgumentException.class);
    }
}
