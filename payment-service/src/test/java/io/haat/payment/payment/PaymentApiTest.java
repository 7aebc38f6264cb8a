package io.haat.payment.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.orders.CancellationReason;
import io.haat.events.orders.OrderAwaitingPayment;
import io.haat.events.orders.OrderStatus;
import io.haat.events.orders.PayableOrder;
import io.haat.events.orders.PaymentChoice;
import io.haat.events.orders.SellerOrderTotals;
import io.haat.events.payment.PaymentProvider;
import io.haat.payment.PaymentIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code POST /payments}, {@code GET /payments/{id}}, {@code GET /orders/{id}/payments} over HTTP with real JWTs. */
class PaymentApiTest extends PaymentIntegrationTest {

    private Response pay(User customer, String key, Object body) {
        return call("POST", "/payments", customer.token(), body, "Idempotency-Key", key);
    }

    private Response pay(User customer, String orderId, String provider, Long amount) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("orderId", orderId);
        body.put("provider", provider);
        if (amount != null) {
            body.put("amount", amount);
        }
        return pay(customer, UUID.randomUUID().toString(), body);
    }

    @Test
    void aCustomerPaysTheWholeOrderWithTheSandboxAndTheCaptureIsPublishedAndPosted() {
        User customer = user("CUSTOMER");
        OrderAwaitingPayment order = awaitingPayment(customer, 10_000);

        Response paid = pay(customer, order.orderId(), "SANDBOX", null);

        assertThat(paid.status()).as(paid.body().toString()).isEqualTo(201);
        String paymentId = paid.body().path("paymentId").asString();
        assertThat(paid.header("Location")).isEqualTo("/payments/" + paymentId);
        assertThat(paid.body().path("status").asString()).isEqualTo("CAPTURED");
        assertThat(paid.body().path("attempt").asInt()).isEqualTo(1);
        assertThat(paid.body().path("amount").path("amountMinor").asLong()).isEqualTo(10_000);
        assertThat(paid.body().has("action")).isFalse();

        List<JsonNode> captured = outbox("PaymentCaptured", paymentId);
        assertThat(captured).hasSize(1);
        assertThat(captured.get(0).at("/payload/amount/amountMinor").asLong()).isEqualTo(10_000);
        assertThat(captured.get(0).at("/payload/provider").asString()).isEqualTo("SANDBOX");
        assertThat(captured.get(0).at("/payload/orderId").asString()).isEqualTo(order.orderId());
        assertThat(ledgerTransactions("CAPTURE", order.orderId())).isEqualTo(1);
        // 10 % commission (the test policy): each seller's pending earnings are 90 % of its seller order
        assertThat(jdbc.sql("""
                        SELECT -sum(e.amount_minor) FROM ledger_entry e JOIN ledger_account a ON a.id = e.account_id
                        WHERE e.order_id = :order AND a.kind = 'SELLER_PENDING'""")
                .param("order", order.orderId()).query(Long.class).single()).isEqualTo(9_000);

        Response one = get("/payments/" + paymentId, customer.token());
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body().path("status").asString()).isEqualTo("CAPTURED");
        assertThat(one.body().path("captured").path("amountMinor").asLong()).isEqualTo(10_000);
        Response list = get("/orders/" + order.orderId() + "/payments", customer.token());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().path("totalItems").asLong()).isEqualTo(1);
        assertThat(list.body().path("items").get(0).path("paymentId").asString()).isEqualTo(paymentId);

        Response again = pay(customer, order.orderId(), "SANDBOX", null);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.problemType()).isEqualTo("https://haat.io/problems/nothing-due");
    }

    @Test
    void theSameKeyAnswersTheSamePaymentAndAnotherBodyUnderItIsRefused() {
        User customer = user("CUSTOMER");
        OrderAwaitingPayment order = awaitingPayment(customer, 10_000);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("orderId", order.orderId(), "provider", "SANDBOX", "amount", 4_000);

        Response first = pay(customer, key, body);
        Response replay = pay(customer, key, body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.body().path("paymentId").asString()).isEqualTo(first.body().path("paymentId").asString());
        assertThat(jdbc.sql("SELECT count(*) FROM payment WHERE order_id = :id").param("id", order.orderId())
                .query(Long.class).single()).isEqualTo(1);

        Response other = pay(customer, key, Map.of("orderId", order.orderId(), "provider", "SANDBOX", "amount", 5_000));
        assertThat(other.status()).isEqualTo(422);
        Response noKey = post("/payments", customer.token(), body);
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.problemType()).isEqualTo("https://haat.io/problems/idempotency-key-missing");
    }

    @Test
    void partialPaymentsCountWhatIsPendingAndAnAmountAboveWhatIsDueIsRefused() {
        User customer = user("CUSTOMER");
        OrderAwaitingPayment order = awaitingPayment(customer, 10_000);

        Response pending = pay(customer, order.orderId(), "SANDBOX", 3_077L);   // sandbox: ...77 stays pending
        assertThat(pending.status()).isEqualTo(201);
        assertThat(pending.body().path("status").asString()).isEqualTo("PENDING");

        Response tooMuch = pay(customer, order.orderId(), "SANDBOX", 6_924L);
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.problemType()).isEqualTo("https://haat.io/problems/amount-exceeds-due");

        Response rest = pay(customer, order.orderId(), "SANDBOX", null);
        assertThat(rest.status()).isEqualTo(201);
        assertThat(rest.body().path("amount").path("amountMinor").asLong()).isEqualTo(6_923);
        assertThat(rest.body().path("attempt").asInt()).isEqualTo(2);
        assertThat(rest.body().path("status").asString()).isEqualTo("CAPTURED");

        Response declined = pay(customer, awaitingPayment(customer, 5_013).orderId(), "SANDBOX", null);
        assertThat(declined.status()).isEqualTo(201);
        assertThat(declined.body().path("status").asString()).isEqualTo("FAILED");
        assertThat(declined.body().path("failureReason").asString()).isEqualTo("DECLINED");
        assertThat(outbox("PaymentFailed", declined.body().path("paymentId").asString())).hasSize(1);
    }

    @Test
    void twoPaymentsAtOnceForTheWholeOrderGetItOnce() throws Exception {
        User customer = user("CUSTOMER");
        OrderAwaitingPayment order = awaitingPayment(customer, 10_077);   // pending: both would hold the whole total
        CyclicBarrier barrier = new CyclicBarrier(2);
        Callable<Response> attempt = () -> {
            barrier.await();
            return pay(customer, order.orderId(), "SANDBOX", 10_077L);
        };
        try (var pool = Executors.newFixedThreadPool(2)) {
            Future<Response> a = pool.submit(attempt);
            Future<Response> b = pool.submit(attempt);
            List<Integer> statuses = List.of(a.get().status(), b.get().status());
            assertThat(statuses).containsExactlyInAnyOrder(201, 422);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM payment WHERE order_id = :id").param("id", order.orderId())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void cashOnDeliveryInTheChoiceIsAcceptedAtOnceAndOnlyOnce() {
        User customer = user("CUSTOMER");
        OrderAwaitingPayment order = awaitingPayment(customer, 10_000, PaymentProvider.SANDBOX, 4_000);
        deliver(order);   // the same facts again (another event id): still one cash-on-delivery payment

        List<JsonNode> payments = get("/orders/" + order.orderId() + "/payments", customer.token()).body()
                .path("items").valueStream().toList();
        assertThat(payments).hasSize(1);
        assertThat(payments.get(0).path("provider").asString()).isEqualTo("CASH_ON_DELIVERY");
        assertThat(payments.get(0).path("status").asString()).isEqualTo("COD_ACCEPTED");
        assertThat(outbox("CashOnDeliveryAccepted", payments.get(0).path("paymentId").asString())).hasSize(1);

        Response card = pay(customer, order.orderId(), "SANDBOX", null);
        assertThat(card.body().path("amount").path("amountMinor").asLong()).isEqualTo(6_000);

        Response cod = pay(customer, awaitingPayment(customer, 2_000).orderId(), "COD", null);
        assertThat(cod.status()).isEqualTo(201);
        assertThat(cod.body().path("status").asString()).isEqualTo("COD_ACCEPTED");
        assertThat(cod.body().path("provider").asString()).isEqualTo("CASH_ON_DELIVERY");
    }

    @Test
    void anOrderThatTakesNoPaymentNowIsAConflict() {
        User customer = user("CUSTOMER");
        OrderAwaitingPayment cancelled = awaitingPayment(customer, 1_000);
        cancel(cancelled, CancellationReason.CUSTOMER_CANCELLED);
        Response refused = pay(customer, cancelled.orderId(), "SANDBOX", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problemType()).isEqualTo("https://haat.io/problems/order-not-payable");

        OrderAwaitingPayment late = awaitingPayment(customer, 1_000);
        clock.advance(Duration.ofHours(2));
        assertThat(pay(customer, late.orderId(), "SANDBOX", null).status()).isEqualTo(409);
    }

    @Test
    void anOrderNotHeardOfYetIsLookedUpWithTheServiceTokenNotTheCustomers() throws Exception {
        User customer = user("CUSTOMER");
        String orderId = UUID.randomUUID().toString();
        PayableOrder payable = new PayableOrder(orderId, customer.id(), OrderStatus.AWAITING_PAYMENT, inNpr(2_500),
                List.of(SellerOrderTotals.undiscounted(UUID.randomUUID().toString(), storeWithCommission(), "seller-a",
                        inNpr(2_500))),
                new PaymentChoice(PaymentProvider.SANDBOX, inNpr(0)), clock.instant().plus(Duration.ofHours(1)));
        ORDER_SERVICE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/internal/orders/" + orderId + "/payable"))
                .withHeader("Authorization", matching("Bearer .+"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(json.writeValueAsString(payable))));

        Response paid = pay(customer, orderId, "SANDBOX", null);
        assertThat(paid.status()).as(paid.body().toString()).isEqualTo(201);
        assertThat(paid.body().path("status").asString()).isEqualTo("CAPTURED");
        String sent = ORDER_SERVICE.findAll(getRequestedFor(urlEqualTo("/internal/orders/" + orderId + "/payable")))
                .getFirst().getHeader("Authorization").substring("Bearer ".length());
        assertThat(sent).as("never the customer's token").isNotEqualTo(customer.token());
        assertThat(com.nimbusds.jwt.SignedJWT.parse(sent).getJWTClaimsSet().getStringClaim("azp"))
                .as("a haat-services client-credentials token").isEqualTo("haat-services");

        String unknown = UUID.randomUUID().toString();
        ORDER_SERVICE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/internal/orders/" + unknown + "/payable")).willReturn(aResponse()
                .withStatus(404).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://haat.io/problems/order-not-found\",\"status\":404}")));
        Response missing = pay(customer, unknown, "SANDBOX", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.problemType()).isEqualTo("https://haat.io/problems/order-not-found");
    }

    @Test
    void anOrderServiceWhoseDatabaseIsRestartingIsAskedOnceAndThePaymentAnswered503() {
        // order-service answers 503 + Retry-After: 5 while its database is gone: asking again sooner goes against it
        // and, with its own wait for a connection each time, holds the customer past the gateway's 10 s timeout
        User customer = user("CUSTOMER");
        String orderId = UUID.randomUUID().toString();
        ORDER_SERVICE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/internal/orders/" + orderId + "/payable"))
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "5")
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"https://haat.io/problems/service-unavailable\",\"status\":503}")));

        Response refused = pay(customer, orderId, "SANDBOX", null);

        assertThat(refused.status()).isEqualTo(503);
        assertThat(ORDER_SERVICE.findAll(getRequestedFor(urlEqualTo("/internal/orders/" + orderId + "/payable"))))
                .hasSize(1);
    }

    @Test
    void onlyTheOrdersCustomerSeesOrPaysIt() {
        User owner = user("CUSTOMER");
        OrderAwaitingPayment order = awaitingPayment(owner, 3_000);
        String paymentId = pay(owner, order.orderId(), "SANDBOX", 1_000L).body().path("paymentId").asString();
        User other = user("CUSTOMER");

        Response foreignPay = pay(other, order.orderId(), "SANDBOX", null);
        assertThat(foreignPay.status()).isEqualTo(404);
        assertThat(foreignPay.problemType()).isEqualTo("https://haat.io/problems/order-not-found");
        Response foreignPayment = get("/payments/" + paymentId, other.token());
        assertThat(foreignPayment.status()).isEqualTo(404);
        assertThat(foreignPayment.problemType()).isEqualTo("https://haat.io/problems/payment-not-found");
        assertThat(get("/orders/" + order.orderId() + "/payments", other.token()).status()).isEqualTo(404);
        assertThat(get("/payments/" + UUID.randomUUID(), owner.token()).status()).isEqualTo(404);

        Map<String, Object> body = Map.of("orderId", order.orderId(), "provider", "SANDBOX");
        assertThat(call("POST", "/payments", null, body, "Idempotency-Key", "k1").status()).isEqualTo(401);
        assertThat(get("/payments/" + paymentId, null).status()).isEqualTo(401);
        assertThat(get("/orders/" + order.orderId() + "/payments", null).status()).isEqualTo(401);
        Response seller = call("POST", "/payments", user("SELLER").token(), body, "Idempotency-Key", "k2");
        assertThat(seller.status()).isEqualTo(403);
        assertThat(seller.problemType()).isEqualTo("https://haat.io/problems/forbidden");
        assertThat(get("/payments/" + paymentId, user("ADMIN").token()).status()).isEqualTo(403);
    }

    @Test
    void badRequestsAreProblems() {
        User customer = user("CUSTOMER");
        OrderAwaitingPayment order = awaitingPayment(customer, 3_000);
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("orderId", order.orderId(), "provider", "BITCOIN"),
                Map.of("orderId", "not-an-id", "provider", "SANDBOX"),
                Map.of("orderId", order.orderId(), "provider", "SANDBOX", "amount", 0),
                Map.of("provider", "SANDBOX"))) {
            Response bad = pay(customer, UUID.randomUUID().toString(), body);
            assertThat(bad.status()).as(body.toString()).isEqualTo(400);
            assertThat(bad.problemType()).as(body.toString()).isEqualTo("https://haat.io/problems/validation");
        }
        Response unavailable = pay(customer, order.orderId(), "PAYPAL", null);   // no PayPal keys in tests
        assertThat(unavailable.status()).isEqualTo(422);
        assertThat(unavailable.problemType()).isEqualTo("https://haat.io/problems/provider-unavailable");
        assertThat(get("/payments/not-a-uuid", customer.token()).status()).isEqualTo(400);
    }
}
