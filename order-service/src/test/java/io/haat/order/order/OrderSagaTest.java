package io.haat.order.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.events.DomainEvent;
import io.haat.events.EventEnvelope;
import io.haat.events.Money;
import io.haat.events.inventory.StockLine;
import io.haat.events.inventory.StockRejected;
import io.haat.events.inventory.StockReservationExpired;
import io.haat.events.payment.CashOnDeliveryAccepted;
import io.haat.events.payment.PaymentCaptured;
import io.haat.events.payment.PaymentFailed;
import io.haat.events.payment.PaymentFailureReason;
import io.haat.events.payment.PaymentProvider;
import io.haat.events.payment.PaymentRefunded;
import io.haat.events.payment.PaymentStatus;
import io.haat.events.payment.RefundReason;
import io.haat.events.payment.SellerOrderRefund;
import io.haat.order.OrderSagaSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Every branch of the saga, driven by the events seller-service and payment-service send (delivered as Kafka
 * would, through the listener and its {@code runOnce} guard), with what order-service writes to its outbox.
 */
class OrderSagaTest extends OrderSagaSupport {

    @Autowired
    private OrderSaga saga;
    @Autowired
    private PlatformTransactionManager transactionManager;

    private record Placed(User customer, String orderId, Money total) {
    }

    /** One order of 1×900 (+100 shipping) = 1000 NPR. */
    private Placed place(String paymentMethod) {
        User customer = customer();
        Product tea = sellingProduct(sellingStore(), "tea", 900, 10);
        String orderId = placeOrder(customer, paymentMethod, tea);
        return new Placed(customer, orderId, npr(1000));
    }

    /** One order of 1×900 (+100 shipping) with the store's coupon taking 100 off = 900 NPR. */
    private Placed placeWithCoupon() {
        User customer = customer();
        User owner = user("SELLER");
        String store = sellingStore(owner);
        storeCoupon(owner, store, "SAVE100", java.util.Map.of("type", "FIXED", "value", 100, "currency", "NPR"));
        Product tea = sellingProduct(store, "tea", 900, 10);
        ok(addToCart(customer.token(), null, tea, "SKU-tea", 1));
        applyCoupon(customer, "SAVE100");
        Response placed = checkout(customer, checkoutBody("SANDBOX"));
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        assertThat(money(placed.body().path("total"))).isEqualTo(npr(900));
        return new Placed(customer, placed.body().path("orderId").asString(), npr(900));
    }

    private Placed awaiting(String paymentMethod) {
        return reserve(place(paymentMethod));
    }

    private Placed reserve(Placed placed) {
        assertThat(deliverSaga(envelope(reserved(placed.orderId())))).isTrue();
        return placed;
    }

    private PaymentCaptured captured(Placed placed, String paymentId, int attempt, long amount) {
        return new PaymentCaptured(paymentId, placed.orderId(), PaymentProvider.SANDBOX, attempt, npr(amount),
                clock.instant());
    }

    private PaymentFailed failed(Placed placed, String paymentId, int attempt) {
        return new PaymentFailed(paymentId, placed.orderId(), PaymentProvider.SANDBOX, attempt,
                PaymentFailureReason.DECLINED, "declined", clock.instant());
    }

    @Test
    void reservedStockAwaitsPaymentWithADeadlineBeforeTheReservationExpires() {
        Placed placed = place("SANDBOX");
        var reserved = reserved(placed.orderId());
        deliverSaga(envelope(reserved));

        JsonNode order = order(placed.customer(), placed.orderId());
        assertThat(order.path("status").asString()).isEqualTo("AWAITING_PAYMENT");
        Instant deadline = Instant.parse(order.path("payment").path("deadline").asString());
        assertThat(deadline).isBefore(reserved.expiresAt());
        assertThat(events(order)).containsExactly("PLACED", "STOCK_RESERVED");
        assertThat(outbox(placed.orderId())).containsExactly("OrderPlaced", "OrderAwaitingPayment");
        JsonNode awaiting = outboxPayload(placed.orderId(), "OrderAwaitingPayment");
        assertThat(Instant.parse(awaiting.path("paymentDeadline").asString())).isEqualTo(deadline);
        assertThat(awaiting.path("payment").path("provider").asString()).isEqualTo("SANDBOX");
        assertThat(money(awaiting.path("total"))).isEqualTo(placed.total());
    }

    @Test
    void rejectedStockCancelsTheOrderNamingTheLinesAndGivesCouponsBack() {
        Placed placed = placeWithCoupon();
        assertThat(couponsGivenBack(placed.orderId())).isFalse();
        deliverSaga(envelope(new StockRejected(placed.orderId(), List.of(new StockLine("s", "SKU-tea", 1)))));

        JsonNode order = order(placed.customer(), placed.orderId());
        assertThat(order.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(order.path("cancellation").path("reason").asString()).isEqualTo("STOCK_REJECTED");
        assertThat(order.path("cancellation").path("rejectedLines").get(0).path("sku").asString())
                .isEqualTo("SKU-tea");
        assertThat(order.path("sellerOrders").get(0).path("status").asString()).isEqualTo("CANCELLED");
        assertThat(outbox(placed.orderId())).containsExactly("OrderPlaced", "OrderCancelled");
        JsonNode cancelled = outboxPayload(placed.orderId(), "OrderCancelled");
        assertThat(cancelled.path("reasonCode").asString()).isEqualTo("STOCK_REJECTED");
        assertThat(cancelled.path("refundDue").asBoolean()).isFalse();
        assertThat(couponsGivenBack(placed.orderId())).isTrue();
    }

    @Test
    void aCaptureOfTheTotalConfirmsTheOrderAndItsSellerOrders() {
        Placed placed = awaiting("SANDBOX");
        deliverSaga(envelope(captured(placed, "pay-" + UUID.randomUUID(), 1, 1000)));

        JsonNode order = order(placed.customer(), placed.orderId());
        assertThat(order.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(order.path("sellerOrders").get(0).path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(money(order.path("payment").path("due"))).isEqualTo(npr(0));
        assertThat(outbox(placed.orderId())).containsExactly("OrderPlaced", "OrderAwaitingPayment",
                "OrderConfirmed", "SellerOrderStatusChanged");
        assertThat(outboxPayload(placed.orderId(), "SellerOrderStatusChanged").path("status").asString())
                .isEqualTo("CONFIRMED");
    }

    @Test
    void aFailedPaymentKeepsTheOrderWaitingAndARetryConfirmsIt() {
        Placed placed = awaiting("SANDBOX");
        deliverSaga(envelope(failed(placed, "pay-1-" + placed.orderId(), 1)));
        JsonNode waiting = order(placed.customer(), placed.orderId());
        assertThat(waiting.path("status").asString()).isEqualTo("AWAITING_PAYMENT");
        assertThat(events(waiting)).endsWith("PAYMENT_FAILED");
        assertThat(money(waiting.path("payment").path("due"))).isEqualTo(npr(1000));

        deliverSaga(envelope(captured(placed, "pay-2-" + placed.orderId(), 2, 1000)));
        assertThat(status(placed.customer(), placed.orderId())).isEqualTo("CONFIRMED");
    }

    @Test
    void aCapturedPartPlusCashOnDeliveryForTheRestConfirms() {
        Placed placed = awaiting("SANDBOX");
        deliverSaga(envelope(new CashOnDeliveryAccepted("cod-" + placed.orderId(), placed.orderId(), 1, npr(400),
                clock.instant())));
        assertThat(status(placed.customer(), placed.orderId())).isEqualTo("AWAITING_PAYMENT");
        deliverSaga(envelope(captured(placed, "online-" + placed.orderId(), 2, 600)));

        JsonNode order = order(placed.customer(), placed.orderId());
        assertThat(order.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(money(order.path("payment").path("covered"))).isEqualTo(npr(1000));
        assertThat(order.path("payment").path("payments")).hasSize(2);
    }

    @Test
    void duplicateEventsChangeNothingTwice() {
        Placed placed = place("SANDBOX");
        EventEnvelope<DomainEvent> reserved = envelope(reserved(placed.orderId()));
        assertThat(deliverSaga(reserved)).isTrue();
        assertThat(deliverSaga(reserved)).isFalse();
        // the same fact under a new event id (a replayed webhook): the order holds it already
        String paymentId = "pay-" + placed.orderId();
        deliverSaga(envelope(captured(placed, paymentId, 1, 1000)));
        deliverSaga(envelope(captured(placed, paymentId, 1, 1000)));
        deliverSaga(envelope(reserved(placed.orderId())));

        JsonNode order = order(placed.customer(), placed.orderId());
        assertThat(events(order)).containsExactly("PLACED", "STOCK_RESERVED", "PAYMENT_CAPTURED", "CONFIRMED");
        assertThat(order.path("payment").path("payments")).hasSize(1);
        assertThat(outbox(placed.orderId())).containsExactly("OrderPlaced", "OrderAwaitingPayment",
                "OrderConfirmed", "SellerOrderStatusChanged");
    }

    @Test
    void aCaptureArrivingBeforeTheReservationConfirmsOnceTheStockIsReserved() {
        Placed placed = place("SANDBOX");
        deliverSaga(envelope(captured(placed, "early-" + placed.orderId(), 1, 1000)));
        assertThat(status(placed.customer(), placed.orderId())).isEqualTo("PENDING");
        deliverSaga(envelope(reserved(placed.orderId())));

        assertThat(status(placed.customer(), placed.orderId())).isEqualTo("CONFIRMED");
        assertThat(outbox(placed.orderId())).containsExactly("OrderPlaced", "OrderConfirmed",
                "SellerOrderStatusChanged");
    }

    @Test
    void anUnpaidOrderIsCancelledAtItsDeadlineAndALateCaptureLeavesItCancelled() {
        Placed placed = reserve(placeWithCoupon());
        deadlines.cancelDue();
        assertThat(status(placed.customer(), placed.orderId())).isEqualTo("AWAITING_PAYMENT");

        clock.advance(Duration.ofMinutes(11));
        deadlines.cancelDue();

        JsonNode order = order(placed.customer(), placed.orderId());
        assertThat(order.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(order.path("cancellation").path("reason").asString()).isEqualTo("PAYMENT_DEADLINE_PASSED");
        assertThat(outboxPayload(placed.orderId(), "OrderCancelled").path("reasonCode").asString())
                .isEqualTo("PAYMENT_DEADLINE_PASSED");
        assertThat(couponsGivenBack(placed.orderId())).isTrue();

        String paymentId = "late-" + placed.orderId();
        deliverSaga(envelope(captured(placed, paymentId, 1, placed.total().amountMinor())));
        JsonNode late = order(placed.customer(), placed.orderId());
        assertThat(late.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(events(late)).endsWith("CANCELLED", "PAYMENT_CAPTURED");
        assertThat(outbox(placed.orderId())).containsExactly("OrderPlaced", "OrderAwaitingPayment",
                "OrderCancelled");
        // payment-service refunds the late capture (LATE_CAPTURE); the refund lands on the timeline once
        EventEnvelope<DomainEvent> refund = envelope(new PaymentRefunded("late:" + paymentId, paymentId,
                placed.orderId(), PaymentProvider.SANDBOX, placed.total(), List.of(new SellerOrderRefund(
                late.path("sellerOrders").get(0).path("id").asString(),
                late.path("sellerOrders").get(0).path("storeId").asString(), UUID.randomUUID().toString(),
                placed.total())), RefundReason.LATE_CAPTURE, PaymentStatus.REFUNDED, clock.instant()));
        deliverSaga(refund);
        deliverSaga(envelope(refund.payload()));
        JsonNode refunded = order(placed.customer(), placed.orderId());
        assertThat(events(refunded)).endsWith("PAYMENT_CAPTURED", "PAYMENT_REFUNDED");
        assertThat(money(refunded.path("payment").path("refunded"))).isEqualTo(placed.total());
    }

    @Test
    void anExpiredReservationCancelsAnUnpaidOrder() {
        Placed placed = awaiting("SANDBOX");
        deliverSaga(envelope(new StockReservationExpired(placed.orderId())));
        JsonNode order = order(placed.customer(), placed.orderId());
        assertThat(order.path("cancellation").path("reason").asString()).isEqualTo("RESERVATION_EXPIRED");
    }

    @Test
    void theCustomerCancelsBeforePaymentAndCouponsComeBack() {
        Placed placed = reserve(placeWithCoupon());
        Response cancelled = call("POST", "/orders/" + placed.orderId() + "/cancel", placed.customer().token(), null);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(outboxPayload(placed.orderId(), "OrderCancelled").path("refundDue").asBoolean()).isFalse();
        assertThat(couponsGivenBack(placed.orderId())).isTrue();
        Response again = call("POST", "/orders/" + placed.orderId() + "/cancel", placed.customer().token(), null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(outbox(placed.orderId())).containsOnlyOnce("OrderCancelled");
    }

    @Test
    void theCustomerCancelsAfterPaymentAndARefundIsDue() {
        Placed placed = reserve(placeWithCoupon());
        deliverSaga(envelope(captured(placed, "pay-" + placed.orderId(), 1, placed.total().amountMinor())));
        Response cancelled = call("POST", "/orders/" + placed.orderId() + "/cancel", placed.customer().token(), null);

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().path("cancellation").path("reason").asString()).isEqualTo("CUSTOMER_CANCELLED");
        JsonNode event = outboxPayload(placed.orderId(), "OrderCancelled");
        assertThat(event.path("refundDue").asBoolean()).isTrue();
        assertThat(couponsGivenBack(placed.orderId())).isFalse();
    }

    @Test
    void aPaymentForAnUnknownOrderIsRefusedSoKafkaRetriesIt() {
        String unknown = UUID.randomUUID().toString();
        assertThatThrownBy(() -> deliverSaga(envelope(new PaymentCaptured("p", unknown, PaymentProvider.SANDBOX, 1,
                npr(5), clock.instant())))).isInstanceOf(UnknownOrderException.class);
    }

    @Test
    void aStateChangeAndItsEventsCommitTogetherOrNotAtAll() {
        Placed placed = place("SANDBOX");
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            saga.reserved(reserved(placed.orderId()));
            throw new IllegalStateException("crash before commit");
        })).hasMessage("crash before commit");

        assertThat(status(placed.customer(), placed.orderId())).isEqualTo("PENDING");
        assertThat(outbox(placed.orderId())).containsExactly("OrderPlaced");

        deliverSaga(envelope(reserved(placed.orderId())));
        assertThat(status(placed.customer(), placed.orderId())).isEqualTo("AWAITING_PAYMENT");
        assertThat(outbox(placed.orderId())).containsExactly("OrderPlaced", "OrderAwaitingPayment");
    }
}
