package io.haat.order.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.events.Money;
import io.haat.events.orders.OrderStatus;
import io.haat.events.orders.PaymentChoice;
import io.haat.events.orders.SellerOrderStatus;
import io.haat.events.orders.SellerOrderStatusChanged;
import io.haat.events.payment.PaymentProvider;
import io.haat.order.pricing.DeliveryAddress;
import io.haat.platform.domain.IllegalTransition;
import io.haat.platform.domain.Transition;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The return part of the order's transition table: every return action from every seller-order status, legal ones
 * with exactly their {@link SellerOrderStatusChanged}, "already there" unchanged, every other one illegal.
 */
class OrderReturnTransitionsTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private static final Money GIVEN_BACK = npr(450);

    private static Money npr(long minor) {
        return new Money(minor, "NPR");
    }

    private static SellerOrder part(String store, long price, SellerOrderState status) {
        return new SellerOrder(UUID.randomUUID(), store, "seller-" + store, status,
                List.of(new OrderItem("p-" + store, "sku-" + store, "Thing", 2, npr(price / 2), npr(0))), npr(100),
                npr(0), npr(0), npr(0), new SellerOrder.ShippingChoice("standard", "Standard",
                LocalDate.of(2026, 12, 5), LocalDate.of(2026, 12, 7)), T0, null, T0, T0.plusSeconds(7 * 86_400));
    }

    private static Order order(SellerOrderState status, long captured) {
        List<SellerOrder> parts = List.of(part("a", 900, status), part("b", 400, SellerOrderState.DELIVERED));
        List<PaymentFact> payments = captured == 0 ? List.of() : List.of(new PaymentFact("pay-1",
                PaymentProvider.SANDBOX, 1, PaymentFact.State.CAPTURED, npr(captured), npr(0), List.of(), T0));
        return new Order(UUID.randomUUID(), UUID.randomUUID(), OrderStatus.CONFIRMED, npr(1500), parts,
                new DeliveryAddress("Ram", "9800000000", "Street 1", null, "Kathmandu", "Bagmati", "44600", "NP"),
                new PaymentChoice(PaymentProvider.SANDBOX, npr(0)), List.of(), payments,
                List.of(new TimelineEntry("CONFIRMED", "CONFIRMED", T0, "paid")), T0, T0.plusSeconds(900), null, 5,
                T0);
    }

    private static UUID a(Order order) {
        return order.sellerOrders().getFirst().id();
    }

    private enum Action {
        REQUEST((o, at) -> o.requestReturn(a(o), "DAMAGED", at), SellerOrderState.RETURN_REQUESTED),
        APPROVE((o, at) -> o.approveReturn(a(o), at), SellerOrderState.RETURN_APPROVED),
        REJECT((o, at) -> o.rejectReturn(a(o), "used", at), SellerOrderState.RETURN_REJECTED),
        RECEIVE((o, at) -> o.receiveReturn(a(o), GIVEN_BACK, at), SellerOrderState.RETURNED),
        REFUND((o, at) -> o.refundReturn(a(o), GIVEN_BACK, at), SellerOrderState.REFUNDED);

        final BiFunction<Order, Instant, Transition<Order>> apply;
        final SellerOrderState target;

        Action(BiFunction<Order, Instant, Transition<Order>> apply, SellerOrderState target) {
            this.apply = apply;
            this.target = target;
        }
    }

    /** The legal moves: from → action. */
    private static final Map<SellerOrderState, List<Action>> LEGAL = new EnumMap<>(Map.of(
            SellerOrderState.DELIVERED, List.of(Action.REQUEST),
            SellerOrderState.RETURN_REQUESTED, List.of(Action.APPROVE, Action.REJECT),
            SellerOrderState.RETURN_APPROVED, List.of(Action.RECEIVE),
            SellerOrderState.RETURN_REJECTED, List.of(Action.REQUEST),
            SellerOrderState.RETURNED, List.of(Action.REFUND),
            SellerOrderState.REFUNDED, List.of(Action.REQUEST)));

    @Test
    void everyReturnActionFromEverySellerOrderStatus() {
        Instant at = T0.plusSeconds(3600);
        for (SellerOrderState from : SellerOrderState.values()) {
            for (Action action : Action.values()) {
                Order before = order(from, 1500);
                String what = action + " from " + from;
                if (LEGAL.getOrDefault(from, List.of()).contains(action)) {
                    Transition<Order> moved = action.apply.apply(before, at);
                    SellerOrder part = moved.state().sellerOrders().getFirst();
                    assertThat(part.status()).as(what).isEqualTo(action.target);
                    assertThat(moved.state().sellerOrders().get(1)).as(what).isEqualTo(before.sellerOrders().get(1));
                    assertThat(moved.state().version()).as(what).isEqualTo(before.version() + 1);
                    assertThat(moved.state().status()).as(what).isEqualTo(OrderStatus.CONFIRMED);
                    assertThat(moved.state().timeline().getLast().event()).as(what).isEqualTo(action.target.name());
                    assertThat(moved.events()).as(what).singleElement().isInstanceOfSatisfying(
                            SellerOrderStatusChanged.class, e -> {
                                assertThat(e.status()).isEqualTo(action.target.toContract());
                                assertThat(e.sellerOrderId()).isEqualTo(part.id().toString());
                                assertThat(e.customerId()).isEqualTo(before.customerId().toString());
                                assertThat(e.sellerId()).isEqualTo("seller-a");
                                assertThat(e.amount()).isEqualTo(action == Action.RECEIVE || action == Action.REFUND
                                        ? GIVEN_BACK : part.total());
                            });
                } else if (from == action.target) {
                    Transition<Order> same = action.apply.apply(before, at);
                    assertThat(same.changed()).as(what).isFalse();
                    assertThat(same.state()).as(what).isSameAs(before);
                    assertThat(same.events()).as(what).isEmpty();
                } else {
                    assertThatThrownBy(() -> action.apply.apply(before, at)).as(what)
                            .isInstanceOfSatisfying(IllegalTransition.class,
                                    e -> assertThat(e.getMessage()).contains(from.name()));
                }
            }
        }
    }

    @Test
    void aPartRefundedForAReturnCompletesWhenItsWindowEndsSoTheSellerIsPaidTheRest() {
        Order refunded = order(SellerOrderState.REFUNDED, 1500);
        Instant windowEnd = T0.plusSeconds(7 * 86_400);

        assertThatThrownBy(() -> refunded.complete(a(refunded), windowEnd.minusSeconds(1)))
                .isInstanceOf(IllegalTransition.class);
        var completed = refunded.complete(a(refunded), windowEnd);
        assertThat(completed.state().sellerOrders().getFirst().status()).isEqualTo(SellerOrderState.COMPLETED);
        assertThat(completed.events()).singleElement().isInstanceOf(SellerOrderStatusChanged.class);
        // a return still waiting for its refund holds the part
        Order returned = order(SellerOrderState.RETURNED, 1500);
        assertThatThrownBy(() -> returned.complete(a(returned), windowEnd)).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void capturedMoneyFallsToTheSellerOrdersByWaterfallInCheckoutOrder() {
        Order paid = order(SellerOrderState.DELIVERED, 1500);
        assertThat(paid.capturedShare(a(paid))).isEqualTo(npr(1000));
        assertThat(paid.capturedShare(paid.sellerOrders().get(1).id())).isEqualTo(npr(500));
        Order partly = order(SellerOrderState.DELIVERED, 1200);
        assertThat(partly.capturedShare(a(partly))).isEqualTo(npr(1000));
        assertThat(partly.capturedShare(partly.sellerOrders().get(1).id())).isEqualTo(npr(200));
        Order unpaid = order(SellerOrderState.DELIVERED, 0);
        assertThat(unpaid.capturedShare(a(unpaid))).isEqualTo(npr(0));
        assertThat(SellerOrderStatus.REFUNDED).isEqualTo(SellerOrderState.REFUNDED.toContract());
    }
}
