package io.haat.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.orders.OrderAwaitingPayment;
import io.haat.payment.PaymentIntegrationTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The job that settles payments still pending past their deadline when no webhook came. */
class PaymentPendingJobTest extends PaymentIntegrationTest {

    @Autowired
    private PendingPaymentsJob job;
    @Autowired
    private PaymentStarts starts;

    private String pendingPayment(User customer, OrderAwaitingPayment order) {
        return call("POST", "/payments", customer.token(), Map.of("orderId", order.orderId(), "provider", "SANDBOX"),
                "Idempotency-Key", UUID.randomUUID().toString()).body().path("paymentId").asString();
    }

    private String status(String paymentId) {
        return jdbc.sql("SELECT status FROM payment WHERE id = :id::uuid").param("id", paymentId)
                .query(String.class).single();
    }

    @Test
    void aPendingPaymentPastItsDeadlineIsConfirmedWithTheProvider() {
        User customer = user("CUSTOMER");
        OrderAwaitingPayment order = awaitingPayment(customer, 3_077);
        String paymentId = pendingPayment(customer, order);

        job.checkDue();
        assertThat(status(paymentId)).isEqualTo("PENDING");   // not due before its deadline
        clock.advance(Duration.ofMinutes(2));
        job.checkDue();
        assertThat(status(paymentId)).isEqualTo("PENDING");   // its answer was recorded: no early look

        clock.advance(Duration.ofMinutes(14));
        job.checkDue();
        assertThat(status(paymentId)).isEqualTo("CAPTURED");
        assertThat(outbox("PaymentCaptured", paymentId)).hasSize(1);
        assertThat(ledgerTransactions("CAPTURE", order.orderId())).isEqualTo(1);
    }

    @Test
    void aPaymentTheProviderCannotTellAboutIsAskedUntilTheCutOffThenExpires() {
        User customer = user("CUSTOMER");
        OrderAwaitingPayment order = awaitingPayment(customer, 4_077);
        String paymentId = pendingPayment(customer, order);
        // the sandbox no longer knows the reference: each look-up answers "unknown"
        jdbc.sql("UPDATE payment SET provider_reference = :ref WHERE id = :id::uuid")
                .param("ref", "lost-" + paymentId).param("id", paymentId).update();

        clock.advance(Duration.ofMinutes(16));
        job.checkDue();
        assertThat(status(paymentId)).isEqualTo("PENDING");

        clock.advance(Duration.ofHours(25));
        job.checkDue();
        assertThat(status(paymentId)).isEqualTo("FAILED");
        var failed = outbox("PaymentFailed", paymentId);
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).at("/payload/reasonCode").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void aPaymentWhoseBeginAnswerWasLostIsFoundAgainSoonAfterTheCrash() {
        User customer = user("CUSTOMER");
        OrderAwaitingPayment order = awaitingPayment(customer, 5_000);
        // what a crash between asking the provider (the sandbox captures amounts ending in 00 at once) and recording
        // its answer leaves behind: the payment opened, no provider reference, nothing captured
        Payment opened = starts.open(order.orderId(), customer.id(), io.haat.events.payment.PaymentProvider.SANDBOX, null);
        String paymentId = opened.id().toString();

        job.checkDue();
        assertThat(status(paymentId)).as("not while a live request may still record the answer").isEqualTo("PENDING");

        clock.advance(Duration.ofSeconds(61));
        job.checkDue();
        assertThat(status(paymentId)).isEqualTo("CAPTURED");
        assertThat(jdbc.sql("SELECT provider_reference FROM payment WHERE id = :id::uuid").param("id", paymentId)
                .query(String.class).single()).isNotBlank();
        assertThat(outbox("PaymentCaptured", paymentId)).hasSize(1);
        assertThat(ledgerTransactions("CAPTURE", order.orderId())).isEqualTo(1);

        clock.advance(Duration.ofMinutes(20));
        job.checkDue();
        assertThat(outbox("PaymentCaptured", paymentId)).as("captured once").hasSize(1);
        assertThat(ledgerTransactions("CAPTURE", order.orderId())).isEqualTo(1);
    }

    @Test
    void aLostBeginAProviderCannotLookUpFailsSoTheCustomerCanPayAgain() {
        User customer = user("CUSTOMER");
        OrderAwaitingPayment order = awaitingPayment(customer, 6_000);
        // a provider that finds no payment without its own reference (the real ones: redirect or client secret)
        String paymentId = starts.open(order.orderId(), customer.id(), io.haat.events.payment.PaymentProvider.SANDBOX,
                null).id().toString();
        jdbc.sql("UPDATE payment SET provider = 'KHALTI' WHERE id = :id::uuid").param("id", paymentId).update();

        clock.advance(Duration.ofSeconds(61));
        job.checkDue();
        assertThat(status(paymentId)).as("the customer never saw the provider's page: nothing can be paid on it")
                .isEqualTo("FAILED");
        assertThat(outbox("PaymentFailed", paymentId)).hasSize(1);
        assertThat(pendingPayment(customer, order)).as("the amount is no longer held").isNotBlank();
    }
}
