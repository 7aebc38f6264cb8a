package io.haat.order.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.events.Money;
import io.haat.events.inventory.StockLine;
import io.haat.events.orders.CancellationReason;
import io.haat.events.orders.OrderAwaitingPayment;
import io.haat.events.orders.OrderCancelled;
import io.haat.events.orders.OrderConfirmed;
import io.haat.events.orders.OrderPlaced;
import io.haat.events.orders.OrderStatus;
import io.haat.events.orders.PaymentChoice;
import io.haat.events.orders.SellerOrderStatus;
import io.haat.events.orders.SellerOrderStatusChanged;
import io.haat.events.payment.PaymentProvider;
import io.haat.events.payment.RefundReason;
import io.haat.order.pricing.DeliveryAddress;
import io.haat.platform.domain.IllegalTransition;
import io.haat.platform.domain.Transition;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The order's transition table: every legal transition, every "already there", every illegal one. */
class OrderTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final Duration MARGIN = Duration.ofMinutes(1);

    private static Money npr(long minor) {
        return new Money(minor, "NPR");
    }

    private static SellerOrder part(String store, long price, int quantity, long shipping) {
        return new SellerOrder(UUID.randomUUID(), store, "seller-" + store, SellerOrderState.PENDING,
                List.of(new OrderItem("p-" + store, "sku-" + store, "Thing", quantity, npr(price), npr(0))),
                npr(shipping), npr(0), npr(0), npr(0),
                new SellerOrder.ShippingChoice("standard", "Standard", LocalDate.of(2026, 12, 5),
                        LocalDate.of(2026, 12, 7)), null);
    }

    /** Two stores: 2×500 + 100 shipping, 1×300 + 100 shipping = 1500 NPR. */
    private static Order placed(PaymentChoice payment) {
        return Order.place(UUID.randomUUID(), UUID.randomUUID(), List.of(part("a", 500, 2, 100),
                        part("b", 300, 1, 100)), new DeliveryAddress("Ram", "9800000000", "Street 1", null,
                        "Kathmandu", "Bagmati", "44600", "NP"), payment, List.of(), WINDOW, T0).state();
    }

    private static Order placed() {
        return placed(new PaymentChoice(PaymentProvider.SANDBOX, npr(0)));
    }

    private static Order awaiting() {
        return placed().reserve(T0.plus(Duration.ofMinutes(15)), T0.plusSeconds(1), WINDOW, MARGIN).state();
    }

    private static PaymentFact captured(String id, long amount) {
        return new PaymentFact(id, PaymentProvider.SANDBOX, 1, PaymentFact.State.CAPTURED, npr(amount), npr(0),
                List.of(), T0);
    }

    private static PaymentFact cod(String id, long amount) {
        return new PaymentFact(id, PaymentProvider.CASH_ON_DELIVERY, 1, PaymentFact.State.COD_ACCEPTED, npr(amount),
                npr(0), List.of(), T0);
    }

    private static PaymentFact failed(String id) {
        return new PaymentFact(id, PaymentProvider.SANDBOX, 1, PaymentFact.State.FAILED, npr(0), npr(0), List.of(),
                T0);
    }

    @Test
    void placingRaisesOrderPlacedWithTheSplitAndLines() {
        Transition<Order> placed = Order.place(UUID.randomUUID(), UUID.randomUUID(), List.of(part("a", 500, 2, 100)),
                new DeliveryAddress("Ram", "1", "l", null, "c", null, null, "NP"),
                new PaymentChoice(PaymentProvider.SANDBOX, npr(0)), List.of(), WINDOW, T0);
        assertThat(placed.state().status()).isEqualTo(OrderStatus.PENDING);
        assertThat(placed.state().total()).isEqualTo(npr(1100));
        assertThat(placed.state().paymentDeadline()).isEqualTo(T0.plus(WINDOW));
        OrderPlaced event = (OrderPlaced) placed.events().getFirst();
        assertThat(event.sellerOrders()).singleElement().satisfies(totals -> {
            assertThat(totals.merchandise()).isEqualTo(npr(1000));
            assertThat(totals.shipping()).isEqualTo(npr(100));
        });
        assertThat(event.lines()).singleElement().satisfies(line -> assertThat(line.quantity()).isEqualTo(2));
    }

    @Test
    void reservedStockAwaitsPaymentUntilADeadlineBeforeTheReservationExpires() {
        Order order = placed();
        Instant now = T0.plusSeconds(5);
        Transition<Order> roomy = order.reserve(now.plus(Duration.ofMinutes(30)), now, WINDOW, MARGIN);
        assertThat(roomy.state().status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
        assertThat(roomy.state().paymentDeadline()).isEqualTo(now.plus(WINDOW));
        assertThat(roomy.events()).singleElement().isInstanceOf(OrderAwaitingPayment.class);
        assertThat(roomy.state().version()).isEqualTo(order.version() + 1);

        Instant expires = now.plus(Duration.ofMinutes(5));
        Transition<Order> tight = order.reserve(expires, now, WINDOW, MARGIN);
        assertThat(tight.state().paymentDeadline()).isEqualTo(expires.minus(MARGIN)).isBefore(expires);
        assertThat(((OrderAwaitingPayment) tight.events().getFirst()).paymentDeadline())
                .isEqualTo(expires.minus(MARGIN));
    }

    @Test
    void reservingAgainOrLateIsANoOp() {
        Order awaiting = awaiting();
        assertUnchanged(awaiting, awaiting.reserve(T0.plus(Duration.ofHours(1)), T0, WINDOW, MARGIN));
        Order cancelled = placed().cancelByCustomer(T0).state();
        assertUnchanged(cancelled, cancelled.reserve(T0.plus(Duration.ofHours(1)), T0, WINDOW, MARGIN));
    }

    @Test
    void aZeroTotalOrderIsConfirmedWhenItsStockIsReserved() {
        SellerOrder free = new SellerOrder(UUID.randomUUID(), "a", "s", SellerOrderState.PENDING,
                List.of(new OrderItem("p", "sku", "Gift", 1, npr(0), npr(0))), npr(0), npr(0), npr(0), npr(0),
                new SellerOrder.ShippingChoice("m", "M", LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 3)), null);
        Order order = Order.place(UUID.randomUUID(), UUID.randomUUID(), List.of(free),
                new DeliveryAddress("R", "1", "l", null, "c", null, null, "NP"),
                new PaymentChoice(PaymentProvider.SANDBOX, npr(0)), List.of(), WINDOW, T0).state();
        Transition<Order> reserved = order.reserve(T0.plus(Duration.ofMinutes(15)), T0, WINDOW, MARGIN);
        assertThat(reserved.state().status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(reserved.events()).hasSize(2).first().isInstanceOf(OrderConfirmed.class);
    }

    @Test
    void stockRejectedCancelsNamingTheLinesAndGivesCouponsBack() {
        Order order = placed();
        Transition<Order> rejected = order.reject(List.of(new StockLine("a", "sku-a", 2)), T0);
        assertThat(rejected.state().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(rejected.state().cancellation().rejectedLines()).containsExactly(new StockLine("a", "sku-a", 2));
        assertThat(rejected.state().cancellation().detail()).contains("sku-a");
        assertThat(rejected.state().returnsCoupons()).isTrue();
        OrderCancelled event = (OrderCancelled) rejected.events().getFirst();
        assertThat(event.reasonCode()).isEqualTo(CancellationReason.STOCK_REJECTED);
        assertThat(event.refundDue()).isFalse();
        assertThat(rejected.state().sellerOrders()).allMatch(p -> p.status() == SellerOrderState.CANCELLED);
        assertUnchanged(rejected.state(), rejected.state().reject(List.of(), T0));
        Order awaiting = awaiting();
        assertIllegal(awaiting, () -> awaiting.reject(List.of(), T0));
    }

    @Test
    void paymentsCoveringTheTotalConfirmTheOrderAndItsSellerOrders() {
        Order order = awaiting();
        Transition<Order> part = order.recordPayment(captured("pay-1", 1000), T0);
        assertThat(part.state().status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
        assertThat(part.events()).isEmpty();
        Transition<Order> rest = part.state().recordPayment(cod("pay-2", 500), T0);
        assertThat(rest.state().status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(rest.state().sellerOrders()).allMatch(p -> p.status() == SellerOrderState.CONFIRMED
                && p.confirmedAt() != null);
        assertThat(rest.events()).hasSize(3);
        assertThat(rest.events().getFirst()).isInstanceOf(OrderConfirmed.class);
        assertThat(rest.events().subList(1, 3)).allSatisfy(e ->
                assertThat(((SellerOrderStatusChanged) e).status()).isEqualTo(SellerOrderStatus.CONFIRMED));
    }

    @Test
    void aFailedPaymentKeepsTheOrderWaitingAndARetryConfirmsIt() {
        Transition<Order> failed = awaiting().recordPayment(failed("pay-1"), T0);
        assertThat(failed.state().status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
        assertThat(failed.state().timeline().getLast().event()).isEqualTo("PAYMENT_FAILED");
        Transition<Order> retried = failed.state().recordPayment(captured("pay-2", 1500), T0);
        assertThat(retried.state().status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void theSamePaymentFactTwiceIsANoOpAndACaptureReplacesItsAcceptedCashOnDelivery() {
        Order order = awaiting().recordPayment(cod("pay-1", 700), T0).state();
        assertUnchanged(order, order.recordPayment(cod("pay-1", 700), T0));
        Order collected = order.recordPayment(captured("pay-1", 700), T0).state();
        assertThat(collected.covered()).isEqualTo(npr(700));
        assertUnchanged(collected, collected.recordPayment(failed("pay-1"), T0));
    }

    @Test
    void aPaymentOnACancelledOrConfirmedOrderIsRecordedButChangesNoStatus() {
        Order cancelled = awaiting().passDeadline(T0.plus(Duration.ofHours(1))).state();
        Transition<Order> late = cancelled.recordPayment(captured("pay-1", 1500), T0.plus(Duration.ofHours(2)));
        assertThat(late.state().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(late.events()).isEmpty();
        assertThat(late.state().timeline().getLast().detail()).contains("refunded");
        Order confirmed = awaiting().recordPayment(captured("pay-1", 1500), T0).state();
        Transition<Order> extra = confirmed.recordPayment(captured("pay-2", 1500), T0);
        assertThat(extra.state().status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(extra.events()).isEmpty();
    }

    @Test
    void aCaptureBeforeTheReservationConfirmsWhenTheStockIsReserved() {
        Order paidEarly = placed().recordPayment(captured("pay-1", 1500), T0).state();
        assertThat(paidEarly.status()).isEqualTo(OrderStatus.PENDING);
        Transition<Order> reserved = paidEarly.reserve(T0.plus(Duration.ofMinutes(15)), T0, WINDOW, MARGIN);
        assertThat(reserved.state().status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void theDeadlineCancelsOnlyWhenItPassed() {
        Order order = awaiting();
        assertIllegal(order, () -> order.passDeadline(order.paymentDeadline().minusSeconds(1)));
        Transition<Order> passed = order.passDeadline(order.paymentDeadline());
        assertThat(passed.state().cancellation().reason()).isEqualTo(CancellationReason.PAYMENT_DEADLINE_PASSED);
        assertThat(passed.state().returnsCoupons()).isTrue();
        assertUnchanged(passed.state(), passed.state().passDeadline(T0.plus(Duration.ofDays(1))));
        Order confirmed = order.recordPayment(captured("p", 1500), T0).state();
        assertIllegal(confirmed, () -> confirmed.passDeadline(T0.plus(Duration.ofDays(1))));
        Order pending = placed();
        assertThat(pending.passDeadline(pending.paymentDeadline()).state().status())
                .isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void anExpiredReservationCancelsAnUnpaidOrderOnly() {
        Transition<Order> expired = awaiting().expireReservation(T0);
        assertThat(expired.state().cancellation().reason()).isEqualTo(CancellationReason.RESERVATION_EXPIRED);
        assertUnchanged(expired.state(), expired.state().expireReservation(T0));
        Order confirmed = awaiting().recordPayment(captured("p", 1500), T0).state();
        assertUnchanged(confirmed, confirmed.expireReservation(T0));
    }

    @Test
    void theCustomerCancelsBeforeShipmentAndARefundIsDueForCapturedMoney() {
        Transition<Order> unpaid = awaiting().cancelByCustomer(T0);
        assertThat(((OrderCancelled) unpaid.events().getFirst()).refundDue()).isFalse();
        assertThat(unpaid.state().returnsCoupons()).isTrue();
        Order confirmed = awaiting().recordPayment(captured("p", 1500), T0).state();
        Transition<Order> paid = confirmed.cancelByCustomer(T0);
        assertThat(paid.state().status()).isEqualTo(OrderStatus.CANCELLED);
        OrderCancelled event = (OrderCancelled) paid.events().getFirst();
        assertThat(event.reasonCode()).isEqualTo(CancellationReason.CUSTOMER_CANCELLED);
        assertThat(event.refundDue()).isTrue();
        assertThat(paid.state().returnsCoupons()).isFalse();
        assertUnchanged(paid.state(), paid.state().cancelByCustomer(T0));
        Order shipped = new Order(confirmed.id(), confirmed.customerId(), confirmed.status(), confirmed.total(),
                confirmed.sellerOrders().stream().map(p -> p.with(SellerOrderState.SHIPPED, p.confirmedAt()))
                        .toList(), confirmed.address(), confirmed.payment(), confirmed.coupons(),
                confirmed.payments(), confirmed.timeline(), confirmed.paymentDeadline(),
                confirmed.reservationExpiresAt(), null, confirmed.version(), confirmed.placedAt());
        assertIllegal(shipped, () -> shipped.cancelByCustomer(T0));
    }

    @Test
    void refundsAreCountedOncePerRefundId() {
        Order confirmed = awaiting().recordPayment(captured("p", 1500), T0).state();
        Order cancelled = confirmed.cancelByCustomer(T0).state();
        Transition<Order> refunded = cancelled.recordRefund("r-1", "p", npr(1500), RefundReason.ORDER_CANCELLED, T0);
        assertThat(refunded.state().refunded()).isEqualTo(npr(1500));
        assertThat(refunded.state().capturedHeld()).isEqualTo(npr(0));
        assertUnchanged(refunded.state(), refunded.state().recordRefund("r-1", "p", npr(1500),
                RefundReason.ORDER_CANCELLED, T0));
    }

    private static void assertUnchanged(Order order, Transition<Order> transition) {
        assertThat(transition.changed()).isFalse();
        assertThat(transition.state()).isSameAs(order);
        assertThat(transition.events()).isEmpty();
    }

    private static void assertIllegal(Order order, Runnable transition) {
        assertThatThrownBy(transition::run).isInstanceOf(IllegalTransition.class)
                .satisfies(e -> assertThat(((IllegalTransition) e).fromStatus()).isEqualTo(order.status().name()));
    }
}
