package io.haat.payment.provider.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.Money;
import io.haat.events.payment.PaymentFailureReason;
import io.haat.payment.provider.Fixtures;
import io.haat.payment.provider.Inbound;
import io.haat.payment.provider.PaymentLookup;
import io.haat.payment.provider.ProviderAction;
import io.haat.payment.provider.ProviderPaymentState;
import io.haat.payment.provider.ProviderProperties;
import io.haat.payment.provider.RefundRequest;
import io.haat.payment.provider.RefundResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The sandbox's documented rule (…13 declined, …77 pending then captured, else captured) and its signed webhook. */
class SandboxProviderTest {

    private final Fixtures.MovableClock clock = new Fixtures.MovableClock(Instant.parse("2026-12-02T03:00:00Z"));
    private final SandboxProvider sandbox = new SandboxProvider(
            new ProviderProperties.Sandbox(true, "sandbox-secret", Duration.ofSeconds(300), Duration.ofSeconds(30)),
            clock, Fixtures.JSON);

    @Test
    void anOrdinaryAmountIsCapturedAtOnceAndOnLookUp() {
        Money amount = new Money(10_000, "NPR");
        ProviderAction.Done done = (ProviderAction.Done) sandbox.begin(Fixtures.request(amount));

        assertThat(done.state()).isInstanceOf(ProviderPaymentState.Captured.class);
        assertThat(sandbox.confirm(lookup(done, amount))).isInstanceOf(ProviderPaymentState.Captured.class);
    }

    @Test
    void anAmountEndingIn13IsDeclined() {
        Money amount = new Money(10_013, "USD");
        ProviderAction.Done done = (ProviderAction.Done) sandbox.begin(Fixtures.request(amount));

        assertThat(done.state()).isEqualTo(new ProviderPaymentState.Failed(PaymentFailureReason.DECLINED, "declined"));
        assertThat(sandbox.confirm(lookup(done, amount))).isEqualTo(done.state());
    }

    @Test
    void anAmountEndingIn77StaysPendingUntilSettleAfter() {
        Money amount = new Money(10_077, "USD");
        ProviderAction.Done done = (ProviderAction.Done) sandbox.begin(Fixtures.request(amount));
        assertThat(done.state()).isEqualTo(new ProviderPaymentState.Pending("processing"));

        clock.advance(Duration.ofSeconds(29));
        assertThat(sandbox.confirm(lookup(done, amount))).isEqualTo(new ProviderPaymentState.Pending("processing"));

        clock.advance(Duration.ofSeconds(1));
        assertThat(sandbox.confirm(lookup(done, amount)))
                .isEqualTo(new ProviderPaymentState.Captured(amount, "sandbox-" + Instant.parse("2026-12-02T03:00:00Z").toEpochMilli()));
    }

    @Test
    void aForgedOrMismatchedReferenceIsNotCaptured() {
        Money amount = new Money(10_000, "USD");
        ProviderAction.Done done = (ProviderAction.Done) sandbox.begin(Fixtures.request(amount));
        String forged = done.reference().replace("_10000_", "_10013_");

        assertThat(sandbox.confirm(new PaymentLookup(forged, Fixtures.ORDER + "-2", new Money(10_013, "USD"))))
                .isInstanceOf(ProviderPaymentState.Unknown.class);
        assertThat(sandbox.confirm(new PaymentLookup(done.reference(), Fixtures.ORDER + "-2", new Money(1, "USD"))))
                .isInstanceOfSatisfying(ProviderPaymentState.Failed.class,
                        failed -> assertThat(failed.reason()).isEqualTo(PaymentFailureReason.VERIFICATION_FAILED));
    }

    @Test
    void refundsFollowTheSameRule() {
        Money amount = new Money(10_000, "USD");
        PaymentLookup payment = lookup((ProviderAction.Done) sandbox.begin(Fixtures.request(amount)), amount);
        UUID refundId = UUID.randomUUID();

        assertThat(sandbox.refund(new RefundRequest(refundId, payment, new Money(500, "USD"), "test")))
                .isEqualTo(new RefundResult.Refunded("sandbox-refund-" + refundId));
        assertThat(sandbox.refund(new RefundRequest(refundId, payment, new Money(513, "USD"), "test")))
                .isInstanceOf(RefundResult.Refused.class);
    }

    @Test
    void aSignedWebhookWithinTheToleranceIsVerified() {
        String body = "{\"id\": \"evt-1\", \"type\": \"payment.captured\", \"reference\": \"sbx_x\"}";

        Inbound inbound = sandbox.verifyWebhook(
                Map.of(SandboxProvider.SIGNATURE_HEADER, sandbox.signatureHeader(body, clock.instant())), body);

        assertThat(inbound).isEqualTo(new Inbound.Verified("evt-1", "payment.captured", "sbx_x"));
    }

    @Test
    void aWrongMissingMalformedOrTamperedSignatureIsRefused() {
        String body = "{\"id\": \"evt-1\", \"type\": \"payment.captured\", \"reference\": \"sbx_x\"}";
        SandboxProvider other = new SandboxProvider(new ProviderProperties.Sandbox(true, "another", null, null),
                clock, Fixtures.JSON);

        assertThat(sandbox.verifyWebhook(Map.of(), body)).isInstanceOf(Inbound.Refused.class);
        assertThat(sandbox.verifyWebhook(Map.of(SandboxProvider.SIGNATURE_HEADER, "v1=abc"), body))
                .isInstanceOf(Inbound.Refused.class);
        assertThat(sandbox.verifyWebhook(Map.of(SandboxProvider.SIGNATURE_HEADER,
                other.signatureHeader(body, clock.instant())), body)).isInstanceOf(Inbound.Refused.class);
        assertThat(sandbox.verifyWebhook(Map.of(SandboxProvider.SIGNATURE_HEADER,
                sandbox.signatureHeader(body, clock.instant())), body.replace("evt-1", "evt-2")))
                .isInstanceOf(Inbound.Refused.class);
    }

    @Test
    void anOldOrFutureTimestampIsRefusedSoAReplayFails() {
        String body = "{\"id\": \"evt-1\", \"type\": \"payment.captured\", \"reference\": \"sbx_x\"}";
        String header = sandbox.signatureHeader(body, clock.instant());

        assertThat(sandbox.verifyWebhook(Map.of(SandboxProvider.SIGNATURE_HEADER,
                sandbox.signatureHeader(body, clock.instant().plusSeconds(301))), body)).isInstanceOf(Inbound.Refused.class);
        clock.advance(Duration.ofSeconds(301));
        assertThat(sandbox.verifyWebhook(Map.of(SandboxProvider.SIGNATURE_HEADER, header), body))
                .isInstanceOf(Inbound.Refused.class);
    }

    @Test
    void aSignedBodyWithoutItsFieldsIsRefused() {
        String body = "{\"id\": \"evt-1\"}";

        assertThat(sandbox.verifyWebhook(Map.of(SandboxProvider.SIGNATURE_HEADER,
                sandbox.signatureHeader(body, clock.instant())), body)).isInstanceOf(Inbound.Refused.class);
    }

    @Test
    void disabledOrWithoutASecretTheSandboxIsUnavailable() {
        assertThat(new SandboxProvider(new ProviderProperties.Sandbox(false, "s", null, null), clock, Fixtures.JSON)
                .available()).isFalse();
        assertThat(new SandboxProvider(new ProviderProperties.Sandbox(true, " ", null, null), clock, Fixtures.JSON)
                .available()).isFalse();
        assertThat(sandbox.available()).isTrue();
    }

    private static PaymentLookup lookup(ProviderAction.Done done, Money amount) {
        return new PaymentLookup(done.reference(), Fixtures.ORDER + "-2", amount);
    }
}
