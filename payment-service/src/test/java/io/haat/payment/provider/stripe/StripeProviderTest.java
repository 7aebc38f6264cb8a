package io.haat.payment.provider.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.haat.events.Money;
import io.haat.events.payment.PaymentFailureReason;
import io.haat.payment.provider.Fixtures;
import io.haat.payment.provider.Hmac;
import io.haat.payment.provider.Inbound;
import io.haat.payment.provider.PaymentLookup;
import io.haat.payment.provider.ProviderAction;
import io.haat.payment.provider.ProviderFailure;
import io.haat.payment.provider.ProviderPaymentState;
import io.haat.payment.provider.ProviderProperties;
import io.haat.payment.provider.RefundRequest;
import io.haat.payment.provider.RefundResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stripe through stripe-java against stubs of the documented PaymentIntents and Refunds API, and its webhook scheme. */
class StripeProviderTest {

    private static final String WEBHOOK_SECRET = "whsec_test_secret";
    private static final Instant NOW = Instant.parse("2026-12-02T03:00:00Z");

    @RegisterExtension
    static WireMockExtension stripe = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final Fixtures.MovableClock clock = new Fixtures.MovableClock(NOW);
    private final StripeProvider provider = new StripeProvider(
            new ProviderProperties.Stripe(stripe.baseUrl(), "sk_test_123", WEBHOOK_SECRET, Duration.ofSeconds(300)),
            Duration.ofSeconds(1), Fixtures.READ_TIMEOUT, clock, Fixtures.JSON);
    private final Money usd = new Money(12_345, "USD");
    private final PaymentLookup lookup = new PaymentLookup("pi_3MtwBwLkdIwHu7ix28a3tqPa", "ignored", usd);

    @Test
    void createsAPaymentIntentOnceForTheAttemptAndReturnsItsClientSecret() {
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents"))
                .withHeader("Authorization", equalTo("Bearer sk_test_123"))
                .withHeader("Idempotency-Key", equalTo(Fixtures.ORDER + ":2"))
                .withRequestBody(containing("amount=12345"))
                .withRequestBody(containing("currency=usd"))
                .withRequestBody(matching(".*automatic_payment_methods(\\[|%5B)enabled(]|%5D)=true.*"))
                .willReturn(okJson(intent("requires_payment_method", 0))));

        ProviderAction action = provider.begin(Fixtures.request(usd));

        assertThat(action).isEqualTo(new ProviderAction.ClientSecret("pi_3MtwBwLkdIwHu7ix28a3tqPa",
                "pi_3MtwBwLkdIwHu7ix28a3tqPa_secret_YrKJUKribcBjcG8HVhfZluoGH"));
    }

    @Test
    void aDeclinedCardIsARejection() {
        stubCreate(402, """
                {"error": {"type": "card_error", "code": "card_declined", "decline_code": "generic_decline",
                           "message": "Your card was declined."}}""");

        assertThat(((ProviderAction.Refused) provider.begin(Fixtures.request(usd))).failure())
                .isEqualTo(ProviderFailure.of(ProviderFailure.Kind.REJECTED, "card_declined", "Your card was declined."));
    }

    @Test
    void anInvalidRequestIsARejection() {
        stubCreate(400, """
                {"error": {"type": "invalid_request_error", "code": "amount_too_small", "param": "amount",
                           "message": "Amount must be at least $0.50 usd"}}""");

        assertThat(((ProviderAction.Refused) provider.begin(Fixtures.request(usd))).failure().kind())
                .isEqualTo(ProviderFailure.Kind.REJECTED);
    }

    @Test
    void aWrongKeyIsUnauthorized() {
        stubCreate(401, """
                {"error": {"type": "invalid_request_error",
                           "message": "Invalid API Key provided: sk_test_***123"}}""");

        assertThat(((ProviderAction.Refused) provider.begin(Fixtures.request(usd))).failure().kind())
                .isEqualTo(ProviderFailure.Kind.UNAUTHORIZED);
    }

    @Test
    void stripesOwnErrorsAndRateLimitsAreProviderErrors() {
        stubCreate(500, "{\"error\": {\"type\": \"api_error\", \"message\": \"Something went wrong on Stripe's end.\"}}");
        assertThat(((ProviderAction.Refused) provider.begin(Fixtures.request(usd))).failure().kind())
                .isEqualTo(ProviderFailure.Kind.PROVIDER_ERROR);

        stubCreate(429, "{\"error\": {\"type\": \"invalid_request_error\", \"code\": \"rate_limit\", \"message\": \"Too many requests\"}}");
        assertThat(((ProviderAction.Refused) provider.begin(Fixtures.request(usd))).failure().kind())
                .isEqualTo(ProviderFailure.Kind.PROVIDER_ERROR);
    }

    @Test
    void noAnswerInTimeIsUnreachable() {
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents"))
                .willReturn(okJson(intent("requires_payment_method", 0)).withFixedDelay(Fixtures.SLOW)));

        assertThat(((ProviderAction.Refused) provider.begin(Fixtures.request(usd))).failure().kind())
                .isEqualTo(ProviderFailure.Kind.UNREACHABLE);
    }

    @Test
    void aSucceededIntentForTheAmountIsACapture() {
        stubRetrieve(intent("succeeded", 12_345));

        assertThat(provider.confirm(lookup)).isEqualTo(new ProviderPaymentState.Captured(usd, "ch_3MtwBwLkdIwHu7ix28a3tqPa"));
    }

    @Test
    void aSucceededIntentForLessFailsVerification() {
        stubRetrieve(intent("succeeded", 100));

        assertThat(provider.confirm(lookup)).isInstanceOfSatisfying(ProviderPaymentState.Failed.class,
                failed -> assertThat(failed.reason()).isEqualTo(PaymentFailureReason.VERIFICATION_FAILED));
    }

    @Test
    void unfinishedAndCanceledIntents() {
        stubRetrieve(intent("processing", 0));
        assertThat(provider.confirm(lookup)).isEqualTo(new ProviderPaymentState.Pending("processing"));
        stubRetrieve(intent("requires_action", 0));
        assertThat(provider.confirm(lookup)).isEqualTo(new ProviderPaymentState.Pending("requires_action"));
        stubRetrieve(intent("canceled", 0).replace("\"cancellation_reason\": null", "\"cancellation_reason\": \"abandoned\""));
        assertThat(provider.confirm(lookup))
                .isEqualTo(new ProviderPaymentState.Failed(PaymentFailureReason.CANCELLED_BY_CUSTOMER, "canceled"));
    }

    @Test
    void anUnknownIntentIsNotFound() {
        stripe.stubFor(get(urlEqualTo("/v1/payment_intents/pi_3MtwBwLkdIwHu7ix28a3tqPa")).willReturn(aResponse()
                .withStatus(404).withHeader("Content-Type", "application/json").withBody("""
                        {"error": {"type": "invalid_request_error", "code": "resource_missing", "param": "intent",
                                   "message": "No such payment_intent: 'pi_3MtwBwLkdIwHu7ix28a3tqPa'"}}""")));

        assertThat(provider.confirm(lookup)).isInstanceOfSatisfying(ProviderPaymentState.Unknown.class,
                unknown -> assertThat(unknown.failure().code()).isEqualTo("resource_missing"));
    }

    @Test
    void refundsAreKeyedByTheRefundId() {
        UUID refundId = UUID.randomUUID();
        stripe.stubFor(post(urlEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo("refund:" + refundId))
                .withRequestBody(containing("payment_intent=pi_3MtwBwLkdIwHu7ix28a3tqPa"))
                .withRequestBody(containing("amount=2000"))
                .willReturn(okJson("""
                        {"id": "re_1Nispe2eZvKYlo2Cd31jOCgZ", "object": "refund", "amount": 2000, "currency": "usd",
                         "payment_intent": "pi_3MtwBwLkdIwHu7ix28a3tqPa", "status": "succeeded"}""")));

        assertThat(provider.refund(new RefundRequest(refundId, lookup, new Money(2_000, "USD"), "test")))
                .isEqualTo(new RefundResult.Refunded("re_1Nispe2eZvKYlo2Cd31jOCgZ"));
    }

    @Test
    void aPendingRefundIsLookedUpByItsIdUntilItSettlesOrFails() {
        stripe.stubFor(post(urlEqualTo("/v1/refunds")).willReturn(okJson("""
                {"id": "re_pending", "object": "refund", "amount": 2000, "currency": "usd", "status": "pending"}""")));
        assertThat(provider.refund(new RefundRequest(UUID.randomUUID(), lookup, new Money(2_000, "USD"), "test")))
                .isEqualTo(new RefundResult.Pending("re_pending"));

        for (String[] answer : new String[][] {{"pending", "pending"}, {"succeeded", "refunded"}, {"failed", "refused"},
                {"canceled", "refused"}}) {
            stripe.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/v1/refunds/re_pending"))
                    .willReturn(okJson("""
                            {"id": "re_pending", "object": "refund", "amount": 2000, "currency": "usd", "status": "%s",
                             "failure_reason": "lost_or_stolen_card"}""".formatted(answer[0]))));
            RefundResult state = provider.refundState("re_pending");
            switch (answer[1]) {
                case "pending" -> assertThat(state).isEqualTo(new RefundResult.Pending("re_pending"));
                case "refunded" -> assertThat(state).isEqualTo(new RefundResult.Refunded("re_pending"));
                default -> assertThat(state).as(answer[0]).isInstanceOfSatisfying(RefundResult.Refused.class,
                        refused -> assertThat(refused.failure().kind()).isEqualTo(ProviderFailure.Kind.REJECTED));
            }
        }
        stripe.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/v1/refunds/re_pending"))
                .willReturn(aResponse().withStatus(503)));
        assertThat(provider.refundState("re_pending")).as("cannot ask: still pending")
                .isEqualTo(new RefundResult.Pending("re_pending"));
    }

    @Test
    void aRefusedRefundIsTyped() {
        stripe.stubFor(post(urlEqualTo("/v1/refunds")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error": {"type": "invalid_request_error", "code": "charge_already_refunded",
                                   "message": "Charge ch_1 has already been refunded."}}""")));

        assertThat(provider.refund(new RefundRequest(UUID.randomUUID(), lookup, usd, "test")))
                .isEqualTo(new RefundResult.Refused(ProviderFailure.of(ProviderFailure.Kind.REJECTED,
                        "charge_already_refunded", "Charge ch_1 has already been refunded.")));
    }

    @Test
    void aCorrectlySignedWebhookNamesThePaymentIntent() {
        String body = event("payment_intent.succeeded", intent("succeeded", 12_345));

        assertThat(provider.verifyWebhook(Map.of("stripe-signature", sign(body, NOW, WEBHOOK_SECRET)), body))
                .isEqualTo(new Inbound.Verified("evt_1NG8Du2eZvKYlo2CUI79vXWy", "payment_intent.succeeded",
                        "pi_3MtwBwLkdIwHu7ix28a3tqPa"));
    }

    @Test
    void aChargeEventNamesItsPaymentIntent() {
        String body = event("charge.refunded", """
                {"id": "ch_3MtwBwLkdIwHu7ix28a3tqPa", "object": "charge", "amount": 12345,
                 "payment_intent": "pi_3MtwBwLkdIwHu7ix28a3tqPa"}""");

        assertThat(provider.verifyWebhook(Map.of("stripe-signature", sign(body, NOW, WEBHOOK_SECRET)), body))
                .isEqualTo(new Inbound.Verified("evt_1NG8Du2eZvKYlo2CUI79vXWy", "charge.refunded",
                        "pi_3MtwBwLkdIwHu7ix28a3tqPa"));
    }

    @Test
    void aWrongMissingOrStaleSignatureIsRefused() {
        String body = event("payment_intent.succeeded", intent("succeeded", 12_345));

        assertThat(provider.verifyWebhook(Map.of(), body)).isInstanceOf(Inbound.Refused.class);
        assertThat(provider.verifyWebhook(Map.of("stripe-signature", sign(body, NOW, "whsec_other")), body))
                .isInstanceOf(Inbound.Refused.class);
        assertThat(provider.verifyWebhook(Map.of("stripe-signature", sign(body, NOW, WEBHOOK_SECRET)),
                body.replace("12345", "99999"))).isInstanceOf(Inbound.Refused.class);
        assertThat(provider.verifyWebhook(Map.of("stripe-signature",
                sign(body, NOW.minusSeconds(301), WEBHOOK_SECRET)), body)).isInstanceOf(Inbound.Refused.class);
    }

    @Test
    void aReplayedWebhookIsRefusedOnceItsTimestampIsOld() {
        String body = event("payment_intent.succeeded", intent("succeeded", 12_345));
        String header = sign(body, NOW, WEBHOOK_SECRET);
        assertThat(provider.verifyWebhook(Map.of("stripe-signature", header), body)).isInstanceOf(Inbound.Verified.class);

        clock.advance(Duration.ofMinutes(6));

        assertThat(provider.verifyWebhook(Map.of("stripe-signature", header), body)).isInstanceOf(Inbound.Refused.class);
    }

    @Test
    void theReturnNamesTheIntentAndWithoutKeysStripeIsUnavailable() {
        assertThat(provider.returned(Map.of("payment_intent", "pi_1", "redirect_status", "succeeded")))
                .isEqualTo(new Inbound.Verified(null, "succeeded", "pi_1"));
        assertThat(provider.returned(Map.of())).isInstanceOf(Inbound.Refused.class);
        assertThat(new StripeProvider(new ProviderProperties.Stripe(stripe.baseUrl(), "sk_test_123", "", null),
                Duration.ofSeconds(1), Fixtures.READ_TIMEOUT, clock, Fixtures.JSON).available()).isFalse();
        assertThat(provider.available()).isTrue();
    }

    private void stubCreate(int status, String body) {
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private void stubRetrieve(String body) {
        stripe.stubFor(get(urlEqualTo("/v1/payment_intents/pi_3MtwBwLkdIwHu7ix28a3tqPa")).willReturn(okJson(body)));
    }

    /** Stripe's scheme: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}. */
    private static String sign(String body, Instant at, String secret) {
        return "t=" + at.getEpochSecond() + ",v1=" + Hmac.sha256Hex(secret, at.getEpochSecond() + "." + body);
    }

    private static String event(String type, String object) {
        return """
                {"id": "evt_1NG8Du2eZvKYlo2CUI79vXWy", "object": "event", "api_version": "2024-06-20",
                 "created": 1764644400, "type": "%s", "livemode": false, "pending_webhooks": 1,
                 "data": {"object": %s}}""".formatted(type, object);
    }

    private static String intent(String status, long received) {
        return """
                {"id": "pi_3MtwBwLkdIwHu7ix28a3tqPa", "object": "payment_intent", "amount": 12345,
                 "amount_received": %d, "currency": "usd", "status": "%s", "cancellation_reason": null,
                 "client_secret": "pi_3MtwBwLkdIwHu7ix28a3tqPa_secret_YrKJUKribcBjcG8HVhfZluoGH",
                 "latest_charge": "ch_3MtwBwLkdIwHu7ix28a3tqPa", "livemode": false}""".formatted(received, status);
    }
}
