package io.haat.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.haat.events.orders.OrderAwaitingPayment;
import io.haat.events.payment.PaymentProvider;
import io.haat.payment.PaymentIntegrationTest;
import io.haat.payment.provider.PaymentProviders;
import io.haat.payment.provider.sandbox.SandboxProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code POST /webhooks/{provider}} and {@code GET /payments/return/{provider}} with the sandbox's signed webhook:
 * verified before anything is stored, duplicates dropped, any order of arrival settles to one capture.
 */
class WebhookApiTest extends PaymentIntegrationTest {

    @Autowired
    private PaymentProviders providers;

    private SandboxProvider sandbox() {
        return (SandboxProvider) providers.find(PaymentProvider.SANDBOX).orElseThrow();
    }

    /** A sandbox payment of the whole order that stays pending for 30 s (amount ending in 77). */
    private String pendingPayment(User customer, OrderAwaitingPayment order) {
        Response started = call("POST", "/payments", customer.token(),
                Map.of("orderId", order.orderId(), "provider", "SANDBOX"), "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(started.body().path("status").asString()).isEqualTo("PENDING");
        return started.body().path("paymentId").asString();
    }

    private String reference(String paymentId) {
        return jdbc.sql("SELECT provider_reference FROM payment WHERE id = :id::uuid").param("id", paymentId)
                .query(String.class).single();
    }

    private Response webhook(String body, String signature) {
        return call("POST", "/webhooks/sandbox", null, body, SandboxProvider.SIGNATURE_HEADER, signature);
    }

    private Response signedWebhook(String eventId, String type, String reference, Instant at) {
        String body = "{\"id\":\"" + eventId + "\",\"type\":\"" + type + "\",\"reference\":\"" + reference + "\"}";
        return webhook(body, sandbox().signatureHeader(body, at));
    }

    private void awaitSettled(String reference) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM webhook_inbox WHERE reference = :ref AND processed_at IS NULL")
                .param("ref", reference).query(Long.class).single() == 0);
    }

    private String status(String paymentId) {
        return jdbc.sql("SELECT status FROM payment WHERE id = :id::uuid").param("id", paymentId)
                .query(String.class).single();
    }

    @Test
    void theSameWebhookThreeTimesAndOthersInReverseOrderCaptureOnce() {
        User customer = user("CUSTOMER");
        OrderAwaitingPayment order = awaitingPayment(customer, 10_077);
        String paymentId = pendingPayment(customer, order);
        String reference = reference(paymentId);

        // "succeeded" before the provider has settled it: the look-up says pending, nothing changes
        Response early = signedWebhook("evt-early-" + paymentId, "payment.succeeded", reference, clock.instant());
        assertThat(early.status()).isEqualTo(200);
        awaitSettled(reference);
        assertThat(status(paymentId)).isEqualTo("PENDING");

        clock.advance(Duration.ofSeconds(31));
        for (int i = 0; i < 3; i++) {
            Response delivered = signedWebhook("evt-ok-" + paymentId, "payment.succeeded", reference, clock.instant());
            assertThat(delivered.status()).isEqualTo(200);
            assertThat(delivered.body().path("duplicate").asBoolean()).isEqualTo(i > 0);
        }
        signedWebhook("evt-failed-" + paymentId, "payment.failed", reference, clock.instant());
        signedWebhook("evt-created-" + paymentId, "payment.created", reference, clock.instant());
        awaitSettled(reference);

        assertThat(status(paymentId)).isEqualTo("CAPTURED");
        assertThat(outbox("PaymentCaptured", paymentId)).hasSize(1);
        assertThat(outbox("PaymentFailed", paymentId)).isEmpty();
        assertThat(ledgerTransactions("CAPTURE", order.orderId())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM webhook_inbox WHERE reference = :ref").param("ref", reference)
                .query(Long.class).single()).isEqualTo(4);   // early, ok (once), failed, created
    }

    /** Stripe's PaymentIntent object as its API answers it (only the fields the provider reads matter). */
    private static String intent(String id, long amount, String status, long received) {
        return """
                {"id": "%s", "object": "payment_intent", "amount": %d, "amount_received": %d, "currency": "npr",
                 "status": "%s", "client_secret": "%s_secret_test", "latest_charge": "ch_%s", "livemode": false}"""
                .formatted(id, amount, received, status, id, id);
    }

    /** Stripe's signature scheme: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}. */
    private static String stripeSignature(String body, Instant at, String secret) {
        return "t=" + at.getEpochSecond() + ",v1=" + io.haat.payment.provider.Hmac.sha256Hex(secret,
                at.getEpochSecond() + "." + body);
    }

    @Test
    void aStripePaymentAnswersTheClientSecretAndItsSignedWebhookCapturesItOnce() {
        User customer = user("CUSTOMER");
        OrderAwaitingPayment order = awaitingPayment(customer, 12_345);
        String intentId = "pi_" + UUID.randomUUID().toString().replace("-", "");
        STRIPE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/v1/payment_intents")
                .withHeader("Idempotency-Key", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        order.orderId() + ":1"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                        intent(intentId, 12_345, "requires_payment_method", 0))));

        Response started = call("POST", "/payments", customer.token(),
                Map.of("orderId", order.orderId(), "provider", "stripe"), "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
        assertThat(started.body().path("status").asString()).isEqualTo("PENDING");
        assertThat(started.body().path("action").path("type").asString()).isEqualTo("CLIENT_SECRET");
        assertThat(started.body().path("action").path("clientSecret").asString()).isEqualTo(intentId + "_secret_test");
        String paymentId = started.body().path("paymentId").asString();
        assertThat(get("/payments/" + paymentId, customer.token()).body().path("action").path("clientSecret")
                .asString()).isEqualTo(intentId + "_secret_test");

        STRIPE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/v1/payment_intents/" + intentId)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                        intent(intentId, 12_345, "succeeded", 12_345))));
        String event = """
                {"id": "evt_%s", "object": "event", "api_version": "2024-06-20", "created": %d,
                 "type": "payment_intent.succeeded", "livemode": false, "pending_webhooks": 1,
                 "data": {"object": %s}}""".formatted(intentId, clock.instant().getEpochSecond(),
                intent(intentId, 12_345, "succeeded", 12_345));

        Response forged = call("POST", "/webhooks/stripe", null, event, "Stripe-Signature",
                stripeSignature(event, clock.instant(), "whsec_someone_else"));
        assertThat(forged.status()).isEqualTo(400);
        for (int i = 0; i < 2; i++) {
            Response delivered = call("POST", "/webhooks/stripe", null, event, "Stripe-Signature",
                    stripeSignature(event, clock.instant(), STRIPE_WEBHOOK_SECRET));
            assertThat(delivered.status()).as(delivered.body().toString()).isEqualTo(200);
        }
        awaitSettled(intentId);

        assertThat(status(paymentId)).isEqualTo("CAPTURED");
        assertThat(outbox("PaymentCaptured", paymentId)).singleElement()
                .satisfies(captured -> assertThat(captured.at("/payload/provider").asString()).isEqualTo("STRIPE"));
        assertThat(ledgerTransactions("CAPTURE", order.orderId())).isEqualTo(1);
    }

    @Test
    void aWebhookWithAWrongSignatureOrAnOldTimestampIsRefusedAndChangesNothing() {
        User customer = user("CUSTOMER");
        OrderAwaitingPayment order = awaitingPayment(customer, 5_077);
        String paymentId = pendingPayment(customer, order);
        String reference = reference(paymentId);
        clock.advance(Duration.ofSeconds(31));
        String body = "{\"id\":\"evt-x-" + paymentId + "\",\"type\":\"payment.succeeded\",\"reference\":\"" + reference + "\"}";

        Response forged = webhook(body, "t=" + clock.instant().getEpochSecond() + ",v1=" + "ab".repeat(32));
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.problemType()).isEqualTo("https://haat.io/problems/provider-signature-refused");
        Response tampered = webhook(body.replace("payment.succeeded", "payment.failed"),
                sandbox().signatureHeader(body, clock.instant()));
        assertThat(tampered.status()).isEqualTo(400);
        Response replayed = webhook(body, sandbox().signatureHeader(body, clock.instant().minus(Duration.ofMinutes(10))));
        assertThat(replayed.status()).isEqualTo(400);
        assertThat(call("POST", "/webhooks/sandbox", null, body).status()).isEqualTo(400);   // unsigned

        assertThat(jdbc.sql("SELECT count(*) FROM webhook_inbox WHERE reference = :ref").param("ref", reference)
                .query(Long.class).single()).isZero();
        assertThat(status(paymentId)).isEqualTo("PENDING");
        assertThat(outbox("PaymentCaptured", paymentId)).isEmpty();

        assertThat(call("POST", "/webhooks/bitcoin", null, body).status()).isEqualTo(404);
        assertThat(call("POST", "/webhooks/paypal", null, body).status()).isEqualTo(404);   // not configured here
    }

    @Test
    void aWebhookForAPaymentNotKnownYetIsKeptAndTriedAgain() {
        String reference = "unknown-" + UUID.randomUUID();
        assertThat(signedWebhook("evt-" + reference, "payment.succeeded", reference, clock.instant()).status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "SELECT outcome FROM webhook_inbox WHERE reference = :ref").param("ref", reference)
                .query(String.class).optional().filter(o -> o.startsWith("no payment")).isPresent());
        assertThat(jdbc.sql("SELECT processed_at IS NULL FROM webhook_inbox WHERE reference = :ref")
                .param("ref", reference).query(Boolean.class).single()).isTrue();
    }

    @Test
    void theCustomersReturnIsConfirmedWithTheProviderAndRedirectedToTheFrontend() {
        User customer = user("CUSTOMER");
        OrderAwaitingPayment order = awaitingPayment(customer, 2_077);
        String paymentId = pendingPayment(customer, order);
        String reference = reference(paymentId);

        Response notYet = get("/payments/return/sandbox?reference=" + reference, null);
        assertThat(notYet.status()).isEqualTo(302);
        assertThat(notYet.header("Location"))
                .isEqualTo("http://shop.test/payments/result?paymentId=" + paymentId + "&status=PENDING");

        clock.advance(Duration.ofSeconds(31));
        Response back = get("/payments/return/sandbox?reference=" + reference, null);
        assertThat(back.status()).isEqualTo(302);
        assertThat(back.header("Location"))
                .isEqualTo("http://shop.test/payments/result?paymentId=" + paymentId + "&status=CAPTURED");
        assertThat(outbox("PaymentCaptured", paymentId)).hasSize(1);

        assertThat(get("/payments/return/sandbox", null).status()).isEqualTo(400);
        assertThat(get("/payments/return/sandbox?reference=forged", null).status()).isEqualTo(404);
    }
}
