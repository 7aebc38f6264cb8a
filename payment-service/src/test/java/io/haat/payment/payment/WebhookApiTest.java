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
        assertThat(call("POST", "/webhooks/stripe", null, body).status()).isEqualTo(404);   // not configured here
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
