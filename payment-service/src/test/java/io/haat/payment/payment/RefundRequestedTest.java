package io.haat.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.orders.CashCollected;
import io.haat.events.orders.OrderAwaitingPayment;
import io.haat.events.orders.RefundRequested;
import io.haat.events.orders.SellerOrderTotals;
import io.haat.events.payment.PaymentProvider;
import io.haat.events.payment.RefundReason;
import io.haat.events.payment.SellerOrderRefund;
import io.haat.payment.PaymentIntegrationTest;
import io.haat.payment.provider.RefundResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code RefundRequested} (returns, disputes) carried out once per request over the order's captured payments, the
 * failed ones visible to admins; and a refund the provider leaves pending is not refunded until it settles.
 */
class RefundRequestedTest extends PaymentIntegrationTest {

    @Autowired
    private RefundRequests refundRequests;
    @Autowired
    private RefundCompletion completion;
    @Autowired
    private RefundWorker worker;
    @Autowired
    private PaymentRepository payments;
    @Autowired
    private TransactionTemplate transactions;

    private String pay(User customer, OrderAwaitingPayment order, Long amount) {
        var body = new java.util.HashMap<String, Object>(Map.of("orderId", order.orderId(), "provider", "SANDBOX"));
        if (amount != null) {
            body.put("amount", amount);
        }
        Response paid = call("POST", "/payments", customer.token(), body, "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(paid.body().path("status").asString()).as(paid.body().toString()).isEqualTo("CAPTURED");
        return paid.body().path("paymentId").asString();
    }

    private RefundRequested request(String requestId, OrderAwaitingPayment order, RefundReason reason,
                                    long... perSellerOrder) {
        List<SellerOrderRefund> parts = new ArrayList<>();
        long sum = 0;
        for (int i = 0; i < perSellerOrder.length; i++) {
            if (perSellerOrder[i] > 0) {
                SellerOrderTotals so = order.sellerOrders().get(i);
                parts.add(new SellerOrderRefund(so.sellerOrderId(), so.storeId(), so.sellerId(), inNpr(perSellerOrder[i])));
                sum += perSellerOrder[i];
            }
        }
        return new RefundRequested(requestId, order.orderId(), order.customerId(), inNpr(sum), parts, reason,
                clock.instant());
    }

    private String status(String paymentId) {
        return paymentStatus(paymentId);
    }

    private long refundedIn(String orderId) {
        return ledgerCredit(orderId, "REFUNDS");
    }

    private List<JsonNode> refundedEvents(String orderId) {
        return jdbc.sql("""
                        SELECT payload::text FROM outbox WHERE event_type = 'PaymentRefunded'
                        AND payload -> 'payload' ->> 'orderId' = :id ORDER BY seq""")
                .param("id", orderId).query(String.class).list().stream().map(json::readTree).toList();
    }

    private JsonNode adminRequest(String requestId, String status) {
        Response listed = get("/admin/payments/refund-requests?size=100" + (status == null ? "" : "&status=" + status),
                user("ADMIN").token());
        assertThat(listed.status()).as(listed.body().toString()).isEqualTo(200);
        return listed.body().path("items").valueStream()
                .filter(item -> item.path("requestId").asString().equals(requestId)).findFirst().orElse(null);
    }

    @Test
    void aReturnIsRefundedFromItsSellerOrdersOnceNamingTheRequest() {
        User customer = user("CUSTOMER");
        OrderAwaitingPayment order = awaitingPayment(customer, 10_000);   // 6,000 + 4,000
        String paymentId = pay(customer, order, null);
        String requestId = "return:" + UUID.randomUUID();

        String message = deliver(request(requestId, order, RefundReason.RETURN, 1_000, 1_500));
        orderEvents.onOrderEvent(message);                                            // redelivered
        deliver(request(requestId, order, RefundReason.RETURN, 1_000, 1_500));     // the same request again

        List<JsonNode> refunded = refundedEvents(order.orderId());
        assertThat(refunded).hasSize(2);
        assertThat(refunded).allSatisfy(event -> {
            assertThat(event.at("/payload/requestId").asString()).isEqualTo(requestId);
            assertThat(event.at("/payload/reason").asString()).isEqualTo("RETURN");
            assertThat(event.at("/payload/sellerOrders")).hasSize(1);
        });
        assertThat(refunded.get(0).at("/payload/sellerOrders/0/sellerOrderId").asString())
                .isEqualTo(order.sellerOrders().get(0).sellerOrderId());
        assertThat(refunded.get(0).at("/payload/amount/amountMinor").asLong()).isEqualTo(1_000);
        assertThat(refunded.get(1).at("/payload/sellerOrders/0/sellerOrderId").asString())
                .isEqualTo(order.sellerOrders().get(1).sellerOrderId());
        assertThat(refunded.get(1).at("/payload/paymentStatus").asString()).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(status(paymentId)).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(refundedIn(order.orderId())).isEqualTo(2_500);
        assertThat(ledgerTransactions("REFUND", order.orderId())).isEqualTo(2);

        JsonNode seen = adminRequest(requestId, "ACCEPTED");
        assertThat(seen.path("refunded").path("amountMinor").asLong()).isEqualTo(2_500);
        assertThat(seen.path("refunds")).hasSize(2);
        assertThat(seen.path("refunds").findValuesAsString("status")).containsOnly("REFUNDED");
    }

    @Test
    void aRequestSpansAsManyCapturedPaymentsAsItTakes() {
        User customer = user("CUSTOMER");
        OrderAwaitingPayment order = awaitingPayment(customer, 10_000);
        String first = pay(customer, order, 3_000L);
        String second = pay(customer, order, null);
        String requestId = "dispute:" + UUID.randomUUID();

        deliver(request(requestId, order, RefundReason.DISPUTE, 6_000, 3_000));

        assertThat(status(first)).isEqualTo("REFUNDED");
        assertThat(status(second)).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(jdbc.sql("SELECT refunded_minor FROM payment WHERE id = :id::uuid").param("id", second)
                .query(Long.class).single()).isEqualTo(6_000);
        assertThat(refundedEvents(order.orderId())).hasSize(3)
                .allSatisfy(event -> assertThat(event.at("/payload/reason").asString()).isEqualTo("DISPUTE"));
        assertThat(refundedIn(order.orderId())).isEqualTo(9_000);
        // the first seller order gave back everything it received: its seller keeps nothing of it
        assertThat(jdbc.sql("""
                        SELECT coalesce(sum(e.amount_minor), 0) FROM ledger_entry e JOIN ledger_account a ON a.id = e.account_id
                        WHERE e.seller_order_id = :so AND a.kind IN ('SELLER_PENDING', 'SELLER_AVAILABLE')""")
                .param("so", order.sellerOrders().get(0).sellerOrderId()).query(Long.class).single()).isZero();
    }

    @Test
    void aRequestThatCannotBeCoveredRefundsNothingAndIsShownToAdmins() {
        User customer = user("CUSTOMER");
        OrderAwaitingPayment order = awaitingPayment(customer, 10_000);
        pay(customer, order, null);
        deliver(request("return:" + UUID.randomUUID(), order, RefundReason.RETURN, 5_000, 0));
        String tooMuch = "dispute:" + UUID.randomUUID();

        deliver(request(tooMuch, order, RefundReason.DISPUTE, 1_001, 100));   // the first seller order holds 1,000
        deliver(request(tooMuch, order, RefundReason.DISPUTE, 500, 0));       // same id again: still failed, never refunded

        assertThat(refundedIn(order.orderId())).isEqualTo(5_000);
        JsonNode failed = adminRequest(tooMuch, "FAILED");
        assertThat(failed.path("status").asString()).isEqualTo("FAILED");
        assertThat(failed.path("failure").asString()).contains("holds 1000");
        assertThat(failed.path("amount").path("amountMinor").asLong()).isEqualTo(1_101);
        assertThat(failed.path("refunds")).isEmpty();
        assertThat(adminRequest(tooMuch, "ACCEPTED")).isNull();

        // a request for a seller order of another order, or of an unknown order, fails the same way
        OrderAwaitingPayment other = awaitingPayment(customer, 2_000);
        String stranger = "return:" + UUID.randomUUID();
        SellerOrderTotals foreign = other.sellerOrders().get(0);
        deliver(new RefundRequested(stranger, order.orderId(), customer.id(), inNpr(10), List.of(new SellerOrderRefund(
                foreign.sellerOrderId(), foreign.storeId(), foreign.sellerId(), inNpr(10))), RefundReason.RETURN,
                clock.instant()));
        assertThat(adminRequest(stranger, "FAILED").path("failure").asString()).contains("not part of the order");
    }

    @Test
    void aCashOnDeliveryOrderIsRefundedByHandOnceCollected() {
        User customer = user("CUSTOMER");
        OrderAwaitingPayment order = awaitingPayment(customer, 5_000, PaymentProvider.CASH_ON_DELIVERY, 5_000);
        for (int i = 0; i < 2; i++) {
            SellerOrderTotals so = order.sellerOrders().get(i);
            deliver(new CashCollected("delivery-" + UUID.randomUUID(), order.orderId(), so.sellerOrderId(),
                    so.storeId(), "agent", so.total(), clock.instant()));
        }
        deliver(request("return:" + UUID.randomUUID(), order, RefundReason.RETURN, 0, 700));
        JsonNode refunded = refundedEvents(order.orderId()).getFirst();
        assertThat(refunded.at("/payload/provider").asString()).isEqualTo("CASH_ON_DELIVERY");
        assertThat(jdbc.sql("SELECT status FROM payment_refund WHERE order_id = :o").param("o", order.orderId())
                .query(String.class).single()).isEqualTo("MANUAL");
    }

    @Test
    void onlyAdminsSeeRefundRequests() {
        String path = "/admin/payments/refund-requests";
        assertThat(get(path, null).status()).isEqualTo(401);
        assertThat(get(path, user("CUSTOMER").token()).status()).isEqualTo(403);
        assertThat(get(path, knownSeller().token()).status()).isEqualTo(403);
        assertThat(get(path + "?status=DONE", user("ADMIN").token()).status()).isEqualTo(400);
        assertThat(get(path + "?size=0", user("ADMIN").token()).status()).isEqualTo(400);
    }

    @Test
    void aRefundTheProviderLeavesPendingIsHeldBackButNotRefundedUntilItSettles() {
        User customer = user("CUSTOMER");
        OrderAwaitingPayment order = awaitingPayment(customer, 5_000);
        String paymentId = pay(customer, order, null);
        Payment payment = payments.find(UUID.fromString(paymentId)).orElseThrow();
        String settles = "pending-" + UUID.randomUUID();
        String fails = "pending-" + UUID.randomUUID();
        transactions.executeWithoutResult(tx -> {
            refundRequests.record(settles, payment, inNpr(2_000), RefundReason.ADMIN, "test", null);
            refundRequests.record(fails, payment, inNpr(1_000), RefundReason.ADMIN, "test", null);
        });

        assertThat(completion.complete(settles, new RefundResult.Pending("prov-1")).status())
                .isEqualTo(Refund.Status.PENDING);
        assertThat(completion.complete(fails, new RefundResult.Pending("prov-2")).status())
                .isEqualTo(Refund.Status.PENDING);
        assertThat(refundedEvents(order.orderId())).isEmpty();
        assertThat(refundedIn(order.orderId())).isZero();
        assertThat(status(paymentId)).isEqualTo("CAPTURED");
        assertThat(get("/payments/" + paymentId, customer.token()).body().path("refunded").path("amountMinor").asLong())
                .isZero();
        // held back: only 2,000 of 5,000 is left to refund
        Response tooMuch = call("POST", "/admin/payments/" + paymentId + "/refund", user("ADMIN").token(),
                Map.of("amount", 2_001, "reason", "more"), "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(tooMuch.problemType()).endsWith("/amount-exceeds-refundable");

        // the job looks a pending refund up (the sandbox cannot tell: still pending), never asks for it again
        clock.advance(Duration.ofMinutes(2));
        assertThat(worker.process(settles).status()).isEqualTo(Refund.Status.PENDING);
        assertThat(refundedEvents(order.orderId())).isEmpty();

        assertThat(completion.complete(settles, new RefundResult.Refunded("prov-1")).status())
                .isEqualTo(Refund.Status.REFUNDED);
        assertThat(completion.complete(fails, new RefundResult.Refused(io.haat.payment.provider.ProviderFailure.of(
                io.haat.payment.provider.ProviderFailure.Kind.REJECTED, "expired_card", "failed"))).status())
                .isEqualTo(Refund.Status.FAILED);
        List<JsonNode> refunded = refundedEvents(order.orderId());
        assertThat(refunded).singleElement().satisfies(event ->
                assertThat(event.at("/payload/amount/amountMinor").asLong()).isEqualTo(2_000));
        assertThat(refundedIn(order.orderId())).isEqualTo(2_000);
        // the failed one holds nothing back any more
        Response rest = call("POST", "/admin/payments/" + paymentId + "/refund", user("ADMIN").token(),
                Map.of("reason", "rest"), "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(rest.body().path("amount").path("amountMinor").asLong()).isEqualTo(3_000);
        assertThat(status(paymentId)).isEqualTo("REFUNDED");
    }
}
