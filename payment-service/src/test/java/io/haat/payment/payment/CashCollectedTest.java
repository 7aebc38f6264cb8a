package io.haat.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.events.orders.CashCollected;
import io.haat.events.orders.OrderAwaitingPayment;
import io.haat.events.orders.SellerOrderStatus;
import io.haat.events.orders.SellerOrderStatusChanged;
import io.haat.events.orders.SellerOrderTotals;
import io.haat.events.payment.PaymentProvider;
import io.haat.payment.PaymentIntegrationTest;
import io.haat.platform.messaging.MalformedEventException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code CashCollected}: cash-on-delivery captured delivery by delivery, once each, the payment CAPTURED at the end. */
class CashCollectedTest extends PaymentIntegrationTest {

    private String cashPayment(String orderId) {
        return jdbc.sql("SELECT id::text FROM payment WHERE order_id = :o AND provider = 'CASH_ON_DELIVERY'")
                .param("o", orderId).query(String.class).single();
    }

    /** Customer money captured per seller order in the ledger. */
    private long capturedFor(String sellerOrderId) {
        return jdbc.sql("""
                        SELECT coalesce(sum(e.amount_minor), 0) FROM ledger_entry e
                        JOIN ledger_account a ON a.id = e.account_id
                        WHERE e.seller_order_id = :so AND a.kind = 'CUSTOMER_CLEARING'""")
                .param("so", sellerOrderId).query(Long.class).single();
    }

    private CashCollected collected(OrderAwaitingPayment order, String deliveryId, int sellerOrder, long amount) {
        SellerOrderTotals part = order.sellerOrders().get(sellerOrder);
        return new CashCollected(deliveryId, order.orderId(), part.sellerOrderId(), part.storeId(), "agent-1",
                inNpr(amount), clock.instant());
    }

    @Test
    void eachDeliverysCashIsCapturedOnceAndThePaymentIsCapturedWhenAllIsCollected() {
        User customer = user("CUSTOMER");
        OrderAwaitingPayment order = awaitingPayment(customer, 10_000, PaymentProvider.CASH_ON_DELIVERY, 10_000);
        String cod = cashPayment(order.orderId());
        String first = "delivery-" + UUID.randomUUID();

        String message = deliver(collected(order, first, 0, 6_000));
        orderEvents.onOrderEvent(message);                      // Kafka redelivers it
        deliver(collected(order, first, 0, 6_000));             // the same delivery in another event
        assertThat(paymentStatus(cod)).as("partially collected").isEqualTo("COD_ACCEPTED");
        assertThat(outbox("PaymentCaptured", cod)).isEmpty();
        assertThat(ledgerTransactions("CAPTURE", order.orderId())).isEqualTo(1);
        assertThat(capturedFor(order.sellerOrders().get(0).sellerOrderId())).isEqualTo(6_000);
        assertThat(capturedFor(order.sellerOrders().get(1).sellerOrderId())).isZero();
        assertThat(ledgerCredit(order.orderId(), "SELLER_PENDING")).isEqualTo(5_400);   // 6,000 less 10 % commission

        // the second seller order's cash must be exactly what is uncollected of it: refused to the DLT otherwise
        for (long wrong : new long[] {3_999, 4_001}) {
            assertThatThrownBy(() -> deliver(collected(order, "delivery-" + UUID.randomUUID(), 1, wrong)))
                    .isInstanceOf(MalformedEventException.class).hasMessageContaining("uncollected");
        }
        assertThatThrownBy(() -> deliver(collected(order, "delivery-" + UUID.randomUUID(), 0, 1)))
                .as("the first seller order's cash is all collected").isInstanceOf(MalformedEventException.class);
        assertThat(ledgerTransactions("CAPTURE", order.orderId())).isEqualTo(1);

        deliver(collected(order, "delivery-" + UUID.randomUUID(), 1, 4_000));
        assertThat(paymentStatus(cod)).isEqualTo("CAPTURED");
        List<JsonNode> captured = outbox("PaymentCaptured", cod);
        assertThat(captured).singleElement().satisfies(event -> {
            assertThat(event.at("/payload/amount/amountMinor").asLong()).isEqualTo(10_000);
            assertThat(event.at("/payload/provider").asString()).isEqualTo("CASH_ON_DELIVERY");
        });
        assertThat(ledgerTransactions("CAPTURE", order.orderId())).isEqualTo(2);
        assertThat(capturedFor(order.sellerOrders().get(1).sellerOrderId())).isEqualTo(4_000);
        assertThat(ledgerCredit(order.orderId(), "SELLER_PENDING")).isEqualTo(9_000);
        assertThat(get("/payments/" + cod, customer.token()).body().path("captured").path("amountMinor").asLong())
                .isEqualTo(10_000);
    }

    @Test
    void aSplitTenderOwesInCashWhatTheOnlinePartLeavesOfEachSellerOrder() {
        User customer = user("CUSTOMER");
        // 10,000 = 6,000 + 4,000; 4,000 in cash: the online 6,000 pays the first seller order in full
        OrderAwaitingPayment order = awaitingPayment(customer, 10_000, PaymentProvider.SANDBOX, 4_000);
        Response card = call("POST", "/payments", customer.token(), Map.of("orderId", order.orderId(),
                "provider", "SANDBOX"), "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(card.body().path("status").asString()).isEqualTo("CAPTURED");
        String cod = cashPayment(order.orderId());

        assertThatThrownBy(() -> deliver(collected(order, "delivery-" + UUID.randomUUID(), 0, 100)))
                .isInstanceOf(MalformedEventException.class);
        deliver(collected(order, "delivery-" + UUID.randomUUID(), 1, 4_000));
        assertThat(paymentStatus(cod)).isEqualTo("CAPTURED");
        assertThat(capturedFor(order.sellerOrders().get(0).sellerOrderId())).isEqualTo(6_000);
        assertThat(capturedFor(order.sellerOrders().get(1).sellerOrderId())).isEqualTo(4_000);
        assertThat(outboxForOrder("PaymentCaptured", order.orderId())).isEqualTo(2);
    }

    @Test
    void aSellerOrderCancelledBeforeItsCashWasCollectedIsWaivedAndThePaymentCapturedForTheRest() {
        User customer = user("CUSTOMER");
        OrderAwaitingPayment order = awaitingPayment(customer, 10_000, PaymentProvider.CASH_ON_DELIVERY, 10_000);
        String cod = cashPayment(order.orderId());
        deliver(collected(order, "delivery-" + UUID.randomUUID(), 0, 6_000));
        SellerOrderTotals second = order.sellerOrders().get(1);
        SellerOrderStatusChanged cancelled = new SellerOrderStatusChanged(second.sellerOrderId(), order.orderId(),
                second.storeId(), SellerOrderStatus.CANCELLED, second.total(), clock.instant());
        deliver(cancelled);
        deliver(cancelled);   // another event of the same cancellation

        assertThat(paymentStatus(cod)).isEqualTo("CAPTURED");
        assertThat(outbox("PaymentCaptured", cod)).singleElement().satisfies(event ->
                assertThat(event.at("/payload/amount/amountMinor").asLong()).isEqualTo(6_000));
        assertThat(outboxForOrder("PaymentRefunded", order.orderId())).as("nothing of it was collected").isZero();
        assertThatThrownBy(() -> deliver(collected(order, "delivery-" + UUID.randomUUID(), 1, 4_000)))
                .isInstanceOf(MalformedEventException.class);

        // a split tender whose only cash part is cancelled: nothing will be collected
        OrderAwaitingPayment split = awaitingPayment(customer, 10_000, PaymentProvider.SANDBOX, 4_000);
        call("POST", "/payments", customer.token(), Map.of("orderId", split.orderId(), "provider", "SANDBOX"),
                "Idempotency-Key", UUID.randomUUID().toString());
        SellerOrderTotals cashPart = split.sellerOrders().get(1);
        deliver(new SellerOrderStatusChanged(cashPart.sellerOrderId(), split.orderId(), cashPart.storeId(),
                SellerOrderStatus.CANCELLED, cashPart.total(), clock.instant()));
        String splitCod = cashPayment(split.orderId());
        assertThat(paymentStatus(splitCod)).isEqualTo("FAILED");
        assertThat(outbox("PaymentFailed", splitCod)).singleElement().satisfies(event ->
                assertThat(event.at("/payload/reasonCode").asString()).isEqualTo("COD_NOT_COLLECTED"));
    }

    @Test
    void cashForAnOrderWithoutCashOnDeliveryIsRefused() {
        User customer = user("CUSTOMER");
        OrderAwaitingPayment order = awaitingPayment(customer, 5_000);
        assertThatThrownBy(() -> deliver(collected(order, "delivery-" + UUID.randomUUID(), 0, 3_000)))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("no accepted cash-on-delivery");
        assertThat(jdbc.sql("SELECT count(*) FROM cod_collection WHERE order_id = :o").param("o", order.orderId())
                .query(Long.class).single()).isZero();
    }
}
