package io.haat.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.haat.events.orders.CancellationReason;
import io.haat.events.orders.OrderAwaitingPayment;
import io.haat.events.payment.PaymentFailureReason;
import io.haat.events.payment.PaymentProvider;
import io.haat.payment.PaymentIntegrationTest;
import io.haat.payment.provider.PaymentProviders;
import io.haat.payment.provider.ProviderPaymentState;
import io.haat.payment.provider.sandbox.SandboxProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Admin refunds and the automatic ones of the contract (cancellation, late capture, overpayment). */
class RefundApiTest extends PaymentIntegrationTest {

    @Autowired
    private PaymentProviders providers;
    @Autowired
    private PaymentRepository payments;
    @Autowired
    private PaymentConfirmations confirmations;

    private String pay(User customer, OrderAwaitingPayment order, Long amount) {
        var body = new java.util.HashMap<String, Object>(Map.of("orderId", order.orderId(), "provider", "SANDBOX"));
        if (amount != null) {
            body.put("amount", amount);
        }
        return call("POST", "/payments", customer.token(), body, "Idempotency-Key", UUID.randomUUID().toString())
                .body().path("paymentId").asString();
    }

    private Response refund(String paymentId, String token, String key, Object body) {
        return call("POST", "/admin/payments/" + paymentId + "/refund", token, body, "Idempotency-Key", key);
    }

    private Response refund(String paymentId, Object body) {
        return refund(paymentId, user("ADMIN").token(), UUID.randomUUID().toString(), body);
    }

    private String status(String paymentId) {
        return paymentStatus(paymentId);
    }

    private long sellerPending(String orderId) {
        return ledgerCredit(orderId, "SELLER_PENDING");
    }

    private long customerCredit(String orderId) {
        return ledgerCredit(orderId, "CUSTOMER_CREDIT");
    }

    private static long splitSum(JsonNode refunded) {
        return refunded.at("/payload/sellerOrders").valueStream()
                .mapToLong(part -> part.path("amount").path("amountMinor").asLong()).sum();
    }

    @Test
    void anAdminRefundsPartThenTheRestOnceAndNeverMoreThanWasCaptured() {
        User customer = user("CUSTOMER");
        OrderAwaitingPayment order = awaitingPayment(customer, 10_000);
        String paymentId = pay(customer, order, null);
        String admin = user("ADMIN").token();
        String key = UUID.randomUUID().toString();

        Response part = refund(paymentId, admin, key, Map.of("amount", 2_501, "reason", "damaged item"));
        assertThat(part.status()).as(part.body().toString()).isEqualTo(201);
        assertThat(part.body().path("status").asString()).isEqualTo("REFUNDED");
        assertThat(part.body().path("amount").path("amountMinor").asLong()).isEqualTo(2_501);
        Response replay = refund(paymentId, admin, key, Map.of("amount", 2_501, "reason", "damaged item"));
        assertThat(replay.body().path("refundId").asString()).isEqualTo(part.body().path("refundId").asString());
        assertThat(status(paymentId)).isEqualTo("PARTIALLY_REFUNDED");

        Response tooMuch = refund(paymentId, Map.of("amount", 7_500, "reason", "more"));
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.problemType()).isEqualTo("https://haat.io/problems/amount-exceeds-refundable");

        Response rest = refund(paymentId, Map.of("reason", "order lost"));
        assertThat(rest.status()).isEqualTo(201);
        assertThat(rest.body().path("amount").path("amountMinor").asLong()).isEqualTo(7_499);
        assertThat(status(paymentId)).isEqualTo("REFUNDED");
        assertThat(refund(paymentId, Map.of("reason", "again")).status()).isEqualTo(422);

        List<JsonNode> refunded = outbox("PaymentRefunded", paymentId);
        assertThat(refunded).hasSize(2);
        assertThat(refunded.get(0).at("/payload/reason").asString()).isEqualTo("ADMIN");
        assertThat(refunded.get(0).at("/payload/paymentStatus").asString()).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(splitSum(refunded.get(0))).isEqualTo(2_501);
        // split in proportion to what each seller order received (6000 / 4000), largest remainder
        assertThat(refunded.get(0).at("/payload/sellerOrders/0/amount/amountMinor").asLong()).isEqualTo(1_501);
        assertThat(refunded.get(0).at("/payload/sellerOrders/1/amount/amountMinor").asLong()).isEqualTo(1_000);
        assertThat(refunded.get(1).at("/payload/paymentStatus").asString()).isEqualTo("REFUNDED");
        assertThat(splitSum(refunded.get(1))).isEqualTo(7_499);
        assertThat(ledgerTransactions("REFUND", order.orderId())).isEqualTo(2);
        assertThat(sellerPending(order.orderId())).isZero();
    }

    @Test
    void onlyAdminsRefundAndOnlyCapturedPayments() {
        User customer = user("CUSTOMER");
        OrderAwaitingPayment order = awaitingPayment(customer, 3_000);
        String paymentId = pay(customer, order, null);
        Map<String, Object> body = Map.of("reason", "test");

        assertThat(refund(paymentId, null, "k", body).status()).isEqualTo(401);
        Response asCustomer = refund(paymentId, customer.token(), "k", body);
        assertThat(asCustomer.status()).isEqualTo(403);
        assertThat(asCustomer.problemType()).isEqualTo("https://haat.io/problems/forbidden");
        assertThat(refund(paymentId, user("SELLER").token(), "k", body).status()).isEqualTo(403);
        assertThat(refund(UUID.randomUUID().toString(), body).status()).isEqualTo(404);
        assertThat(refund(paymentId, Map.of("amount", 10)).status()).isEqualTo(400);            // no reason
        assertThat(refund(paymentId, Map.of("amount", -1, "reason", "x")).status()).isEqualTo(400);

        String pending = pay(customer, awaitingPayment(customer, 1_077), null);
        Response notCaptured = refund(pending, body);
        assertThat(notCaptured.status()).isEqualTo(409);
        assertThat(notCaptured.problemType()).isEqualTo("https://haat.io/problems/illegal-payment-transition");

        Response refused = refund(pay(customer, awaitingPayment(customer, 2_000), null),
                Map.of("amount", 1_013, "reason", "sandbox refuses ...13"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problemType()).isEqualTo("https://haat.io/problems/refund-refused");
    }

    @Test
    void aCancelledOrderIsRefundedOnceHoweverOftenTheCancellationArrives() {
        User customer = user("CUSTOMER");
        OrderAwaitingPayment order = awaitingPayment(customer, 10_000, PaymentProvider.SANDBOX, 3_000);
        String card = pay(customer, order, null);
        assertThat(status(card)).isEqualTo("CAPTURED");
        String cash = jdbc.sql("SELECT id::text FROM payment WHERE order_id = :o AND provider = 'CASH_ON_DELIVERY'")
                .param("o", order.orderId()).query(String.class).single();

        String cancelled = deliver(new io.haat.events.orders.OrderCancelled(order.orderId(), customer.id(),
                "customer changed their mind", CancellationReason.CUSTOMER_CANCELLED, true));
        orderEvents.onOrderEvent(cancelled);                       // Kafka redelivers it
        cancel(order, CancellationReason.ADMIN_CANCELLED);         // and another cancellation comes

        assertThat(status(card)).isEqualTo("REFUNDED");
        List<JsonNode> refunded = outbox("PaymentRefunded", card);
        assertThat(refunded).hasSize(1);
        assertThat(refunded.get(0).at("/payload/refundId").asString())
                .isEqualTo("cancel:" + order.orderId() + ":" + card);
        assertThat(refunded.get(0).at("/payload/reason").asString()).isEqualTo("ORDER_CANCELLED");
        assertThat(refunded.get(0).at("/payload/amount/amountMinor").asLong()).isEqualTo(7_000);
        assertThat(ledgerTransactions("REFUND", order.orderId())).isEqualTo(1);
        assertThat(sellerPending(order.orderId())).isZero();

        assertThat(status(cash)).isEqualTo("FAILED");
        List<JsonNode> voided = outbox("PaymentFailed", cash);
        assertThat(voided).hasSize(1);
        assertThat(voided.get(0).at("/payload/reasonCode").asString()).isEqualTo("ORDER_CANCELLED");
    }

    @Test
    void aCancelledSellerOrderIsRefundedFromItsShareOnceThenTheOrdersCancellationRefundsTheRest() {
        User customer = user("CUSTOMER");
        OrderAwaitingPayment order = awaitingPayment(customer, 10_000);
        String first = pay(customer, order, 2_500L);
        String second = pay(customer, order, null);                       // 7 500
        String storeB = order.sellerOrders().get(1).sellerOrderId();       // 4 000 of the order
        var cancelledB = new io.haat.events.orders.SellerOrderStatusChanged(storeB, order.orderId(), order.sellerOrders().get(1).storeId(),
                io.haat.events.orders.SellerOrderStatus.CANCELLED, inNpr(4_000), clock.instant());

        String message = deliver(cancelledB);
        orderEvents.onOrderEvent(message);                                 // redelivered
        deliver(cancelledB);                                               // and told again

        List<JsonNode> fromFirst = outbox("PaymentRefunded", first);
        List<JsonNode> fromSecond = outbox("PaymentRefunded", second);
        assertThat(fromFirst).hasSize(1);
        assertThat(fromSecond).hasSize(1);
        assertThat(fromFirst.get(0).at("/payload/amount/amountMinor").asLong()
                + fromSecond.get(0).at("/payload/amount/amountMinor").asLong()).isEqualTo(4_000);
        for (JsonNode refunded : List.of(fromFirst.get(0), fromSecond.get(0))) {
            assertThat(refunded.at("/payload/reason").asString()).isEqualTo("SELLER_ORDER_CANCELLED");
            assertThat(refunded.at("/payload/sellerOrders")).singleElement().satisfies(part ->
                    assertThat(part.path("sellerOrderId").asString()).isEqualTo(storeB));
        }
        assertThat(fromFirst.get(0).at("/payload/refundId").asString())
                .isEqualTo("seller-order-cancel:" + storeB + ":" + first);
        assertThat(sellerPending(order.orderId())).isEqualTo(5_400);        // store A keeps 90 % of its 6 000

        cancel(order, CancellationReason.ADMIN_CANCELLED);
        assertThat(status(first)).isEqualTo("REFUNDED");
        assertThat(status(second)).isEqualTo("REFUNDED");
        assertThat(sellerPending(order.orderId())).isZero();
        assertThat(ledgerTransactions("REFUND", order.orderId())).isEqualTo(3);   // first's part of B, second's, the rest
    }

    @Test
    void aCaptureAfterTheCancellationIsRefundedAsLate() {
        User customer = user("CUSTOMER");
        OrderAwaitingPayment order = awaitingPayment(customer, 5_077);
        String paymentId = pay(customer, order, null);
        cancel(order, CancellationReason.PAYMENT_DEADLINE_PASSED);
        assertThat(status(paymentId)).isEqualTo("FAILED");   // voided while pending

        clock.advance(Duration.ofSeconds(31));
        String reference = payments.find(UUID.fromString(paymentId)).orElseThrow().providerReference();
        String body = "{\"id\":\"evt-late-" + paymentId + "\",\"type\":\"payment.succeeded\",\"reference\":\""
                + reference + "\"}";
        SandboxProvider sandbox = (SandboxProvider) providers.find(PaymentProvider.SANDBOX).orElseThrow();
        assertThat(call("POST", "/webhooks/sandbox", null, body, SandboxProvider.SIGNATURE_HEADER,
                sandbox.signatureHeader(body, clock.instant())).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> status(paymentId).equals("REFUNDED"));
        assertThat(outbox("PaymentCaptured", paymentId)).hasSize(1);
        List<JsonNode> refunded = outbox("PaymentRefunded", paymentId);
        assertThat(refunded).hasSize(1);
        assertThat(refunded.get(0).at("/payload/refundId").asString()).isEqualTo("late:" + paymentId);
        assertThat(refunded.get(0).at("/payload/reason").asString()).isEqualTo("LATE_CAPTURE");
        assertThat(refunded.get(0).at("/payload/amount/amountMinor").asLong()).isEqualTo(5_077);
        assertThat(sellerPending(order.orderId())).isZero();
    }

    @Test
    void aCaptureBeyondTheTotalIsRefundedFromTheCustomersCredit() {
        User customer = user("CUSTOMER");
        OrderAwaitingPayment order = awaitingPayment(customer, 10_000);
        String first = pay(customer, order, 4_077L);                       // pending at the sandbox
        // the provider reported it failed (so the customer paid again in full)…
        confirmations.apply(payments.find(UUID.fromString(first)).orElseThrow(),
                new ProviderPaymentState.Failed(PaymentFailureReason.DECLINED, "reported failed"));
        String second = pay(customer, order, null);
        assertThat(status(second)).isEqualTo("CAPTURED");
        // …and yet captured it in the end
        clock.advance(Duration.ofSeconds(31));
        confirmations.confirm(payments.find(UUID.fromString(first)).orElseThrow());

        assertThat(status(first)).isEqualTo("REFUNDED");
        List<JsonNode> refunded = outbox("PaymentRefunded", first);
        assertThat(refunded).hasSize(1);
        assertThat(refunded.get(0).at("/payload/refundId").asString()).isEqualTo("over:" + first);
        assertThat(refunded.get(0).at("/payload/reason").asString()).isEqualTo("OVERPAYMENT");
        assertThat(refunded.get(0).at("/payload/customerCredit/amountMinor").asLong()).isEqualTo(4_077);
        assertThat(refunded.get(0).at("/payload/sellerOrders")).isEmpty();
        assertThat(customerCredit(order.orderId())).isZero();
        assertThat(sellerPending(order.orderId())).isEqualTo(9_000);       // the sellers keep what the order paid
    }
}
