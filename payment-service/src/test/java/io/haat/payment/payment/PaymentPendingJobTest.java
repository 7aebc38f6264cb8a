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

        clock.advance(Duration.ofMinutes(16));
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
}
