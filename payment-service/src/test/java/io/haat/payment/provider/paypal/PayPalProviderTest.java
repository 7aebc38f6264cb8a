package io.haat.payment.provider.paypal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.haat.events.Money;
import io.haat.events.payment.PaymentFailureReason;
import io.haat.payment.provider.Fixtures;
import io.haat.payment.provider.Inbound;
import io.haat.payment.provider.PaymentLookup;
import io.haat.payment.provider.ProviderAction;
import io.haat.payment.provider.ProviderFailure;
import io.haat.payment.provider.ProviderPaymentState;
import io.haat.payment.provider.ProviderProperties;
import io.haat.payment.provider.RefundRequest;
import io.haat.payment.provider.RefundResult;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PayPal Orders v2 against stubs of its documented token, orders, capture, refund and verify-signature calls. */
class PayPalProviderTest {

    private static final Instant NOW = Instant.parse("2026-12-02T03:00:00Z");
    private static final String ORDER_ID = "5O190127TN364715T";

    @RegisterExtension
    static WireMockExtension paypal = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final Fixtures.MovableClock clock = new Fixtures.MovableClock(NOW);
    private final PayPalProvider provider = new PayPalProvider(new ProviderProperties.PayPal(paypal.baseUrl(),
            "client-id", "client-secret", "WH-ID-1", Duration.ofSeconds(300)), Fixtures.http(), clock);
    private final Money usd = new Money(10_000, "USD");
    private final PaymentLookup lookup = new PaymentLookup(ORDER_ID, Fixtures.ORDER + "-2", usd);

    @BeforeEach
    void token() {
        paypal.stubFor(post(urlEqualTo("/v1/oauth2/token"))
                .withHeader("Authorization", equalTo("Basic Y2xpZW50LWlkOmNsaWVudC1zZWNyZXQ="))
                .withRequestBody(equalTo("grant_type=client_credentials"))
                .willReturn(okJson("""
                        {"scope": "openid payments", "access_token": "A21AAtoken",
                         "token_type": "Bearer", "app_id": "APP-80W284485P519543T", "expires_in": 32400,
                         "nonce": "2026-12-02T03:00:00ZnonCe"}""")));
    }

    @Test
    void createsTheOrderOnceForTheAttemptAndRedirectsToTheApprovalLink() {
        paypal.stubFor(post(urlEqualTo("/v2/checkout/orders"))
                .withHeader("Authorization", equalTo("Bearer A21AAtoken"))
                .withHeader("PayPal-Request-Id", equalTo(Fixtures.ORDER + ":2"))
                .withRequestBody(matchingJsonPath("$.intent", equalTo("CAPTURE")))
                .withRequestBody(matchingJsonPath("$.purchase_units[0].amount.value", equalTo("100.00")))
                .withRequestBody(matchingJsonPath("$.purchase_units[0].amount.currency_code", equalTo("USD")))
                .withRequestBody(matchingJsonPath("$.payment_source.paypal.experience_context.return_url",
                        equalTo("http://shop.test/payments/return/x")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"id": "5O190127TN364715T", "status": "PAYER_ACTION_REQUIRED",
                         "links": [{"href": "https://api.test/v2/checkout/orders/5O190127TN364715T", "rel": "self", "method": "GET"},
                                   {"href": "https://paypal.test/checkoutnow?token=5O190127TN364715T", "rel": "payer-action", "method": "GET"}]}""")));

        assertThat(provider.begin(Fixtures.request(usd))).isEqualTo(new ProviderAction.Redirect(ORDER_ID,
                URI.create("https://paypal.test/checkoutnow?token=5O190127TN364715T")));
    }

    @Test
    void theTokenIsFetchedOnceWhileValid() {
        stubOrder("CREATED", null);
        provider.confirm(lookup);
        provider.confirm(lookup);

        paypal.verify(1, postRequestedFor(urlEqualTo("/v1/oauth2/token")));
    }

    @Test
    void wrongClientCredentialsAreUnauthorized() {
        paypal.stubFor(post(urlEqualTo("/v1/oauth2/token")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"invalid_client\", \"error_description\": \"Client Authentication failed\"}")));

        assertThat(((ProviderAction.Refused) provider.begin(Fixtures.request(usd))).failure()).isEqualTo(
                ProviderFailure.of(ProviderFailure.Kind.UNAUTHORIZED, "invalid_client", "Client Authentication failed"));
    }

    @Test
    void aValidationErrorNamesTheIssue() {
        paypal.stubFor(post(urlEqualTo("/v2/checkout/orders")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"name": "INVALID_REQUEST", "message": "Request is not well-formed, syntactically incorrect, or violates schema.",
                         "debug_id": "b6b9a374802ea",
                         "details": [{"field": "/purchase_units/@reference_id=='default'/amount/value", "location": "body",
                                      "issue": "DECIMAL_PRECISION", "description": "If the currency supports decimals, only two decimal place precision is supported."}]}""")));

        assertThat(((ProviderAction.Refused) provider.begin(Fixtures.request(usd))).failure()).isEqualTo(
                ProviderFailure.of(ProviderFailure.Kind.REJECTED, "DECIMAL_PRECISION",
                        "If the currency supports decimals, only two decimal place precision is supported."));
    }

    @Test
    void noAnswerInTimeIsUnreachable() {
        paypal.stubFor(post(urlEqualTo("/v2/checkout/orders")).willReturn(okJson("{}").withFixedDelay(Fixtures.SLOW)));

        assertThat(((ProviderAction.Refused) provider.begin(Fixtures.request(usd))).failure().kind())
                .isEqualTo(ProviderFailure.Kind.UNREACHABLE);
    }

    @Test
    void anApprovedOrderIsCapturedOnceOnLookUp() {
        stubOrder("APPROVED", null);
        paypal.stubFor(post(urlEqualTo("/v2/checkout/orders/" + ORDER_ID + "/capture"))
                .withHeader("PayPal-Request-Id", equalTo("capture:" + Fixtures.ORDER + "-2"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(order("COMPLETED", capture("COMPLETED", "100.00")))));

        assertThat(provider.confirm(lookup)).isEqualTo(new ProviderPaymentState.Captured(usd, "3C679366HH908993F"));
    }

    @Test
    void aDeclinedInstrumentAtCaptureIsTyped() {
        stubOrder("APPROVED", null);
        paypal.stubFor(post(urlEqualTo("/v2/checkout/orders/" + ORDER_ID + "/capture")).willReturn(aResponse()
                .withStatus(422).withHeader("Content-Type", "application/json").withBody("""
                        {"name": "UNPROCESSABLE_ENTITY",
                         "details": [{"issue": "INSTRUMENT_DECLINED", "description": "The instrument presented was either declined by the processor or bank, or it can't be used for this payment."}],
                         "message": "The requested action could not be performed, semantically incorrect, or failed business validation.",
                         "debug_id": "c9a75b43fc807"}""")));

        assertThat(provider.confirm(lookup)).isInstanceOfSatisfying(ProviderPaymentState.Unknown.class, unknown -> {
            assertThat(unknown.failure().kind()).isEqualTo(ProviderFailure.Kind.REJECTED);
            assertThat(unknown.failure().code()).isEqualTo("INSTRUMENT_DECLINED");
        });
    }

    @Test
    void orderStatesWithoutCapture() {
        stubOrder("PAYER_ACTION_REQUIRED", null);
        assertThat(provider.confirm(lookup)).isEqualTo(new ProviderPaymentState.Pending("PAYER_ACTION_REQUIRED"));
        stubOrder("VOIDED", null);
        assertThat(provider.confirm(lookup))
                .isEqualTo(new ProviderPaymentState.Failed(PaymentFailureReason.CANCELLED_BY_CUSTOMER, "VOIDED"));
        stubOrder("COMPLETED", capture("COMPLETED", "1.00"));
        assertThat(provider.confirm(lookup)).isInstanceOfSatisfying(ProviderPaymentState.Failed.class,
                failed -> assertThat(failed.reason()).isEqualTo(PaymentFailureReason.VERIFICATION_FAILED));
    }

    @Test
    void refundsTheCaptureKeyedByTheRefundId() {
        UUID refundId = UUID.randomUUID();
        stubOrder("COMPLETED", capture("COMPLETED", "100.00"));
        paypal.stubFor(post(urlEqualTo("/v2/payments/captures/3C679366HH908993F/refund"))
                .withHeader("PayPal-Request-Id", equalTo("refund:" + refundId))
                .withRequestBody(equalToJson("{\"amount\": {\"value\": \"25.00\", \"currency_code\": \"USD\"}}"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": \"1JU08902781691411\", \"status\": \"COMPLETED\"}")));

        assertThat(provider.refund(new RefundRequest(refundId, lookup, new Money(2_500, "USD"), "test")))
                .isEqualTo(new RefundResult.Refunded("1JU08902781691411"));
    }

    @Test
    void aPendingRefundIsLookedUpByItsIdUntilItSettlesOrFails() {
        for (String[] answer : new String[][] {{"PENDING", "pending"}, {"COMPLETED", "refunded"},
                {"FAILED", "refused"}, {"CANCELLED", "refused"}}) {
            paypal.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/v2/payments/refunds/1JU0"))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody("{\"id\": \"1JU0\", \"status\": \"" + answer[0] + "\"}")));
            RefundResult state = provider.refundState("1JU0");
            switch (answer[1]) {
                case "pending" -> assertThat(state).isEqualTo(new RefundResult.Pending("1JU0"));
                case "refunded" -> assertThat(state).isEqualTo(new RefundResult.Refunded("1JU0"));
                default -> assertThat(state).as(answer[0]).isInstanceOf(RefundResult.Refused.class);
            }
        }
        paypal.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/v2/payments/refunds/1JU0"))
                .willReturn(aResponse().withStatus(500)));
        assertThat(provider.refundState("1JU0")).isEqualTo(new RefundResult.Pending("1JU0"));
    }

    @Test
    void aWebhookIsVerifiedByPayPalsVerifyCall() {
        String event = "{\"id\": \"WH-2WR32451HC0233532-67976317FL4543714\", \"event_type\": \"PAYMENT.CAPTURE.COMPLETED\","
                + " \"resource\": {\"id\": \"3C679366HH908993F\", \"supplementary_data\": {\"related_ids\": {\"order_id\": \"5O190127TN364715T\"}}}}";
        stubVerify("SUCCESS");

        Inbound inbound = provider.verifyWebhook(headers(NOW), event);

        assertThat(inbound).isEqualTo(new Inbound.Verified("WH-2WR32451HC0233532-67976317FL4543714",
                "PAYMENT.CAPTURE.COMPLETED", ORDER_ID));
        paypal.verify(postRequestedFor(urlEqualTo("/v1/notifications/verify-webhook-signature"))
                .withRequestBody(matchingJsonPath("$.webhook_id", equalTo("WH-ID-1")))
                .withRequestBody(matchingJsonPath("$.transmission_id", equalTo("69cd13f0-d67a-11e5-baa3-778b53f4ae55")))
                .withRequestBody(matchingJsonPath("$.webhook_event.resource.id", equalTo("3C679366HH908993F"))));
    }

    @Test
    void aWebhookPayPalRejectsMissingHeadersOrAnOldTransmissionIsRefused() {
        String event = "{\"id\": \"WH-1\", \"event_type\": \"CHECKOUT.ORDER.APPROVED\", \"resource\": {\"id\": \"5O190127TN364715T\"}}";
        stubVerify("FAILURE");
        assertThat(provider.verifyWebhook(headers(NOW), event)).isInstanceOf(Inbound.Refused.class);

        stubVerify("SUCCESS");
        assertThat(provider.verifyWebhook(Map.of(), event)).isInstanceOf(Inbound.Refused.class);
        assertThat(provider.verifyWebhook(headers(NOW.minusSeconds(301)), event)).isInstanceOf(Inbound.Refused.class);
        assertThat(provider.verifyWebhook(headers(NOW), event))
                .isEqualTo(new Inbound.Verified("WH-1", "CHECKOUT.ORDER.APPROVED", ORDER_ID));
    }

    @Test
    void theReturnNamesTheOrderAndWithoutAWebhookIdPayPalIsUnavailable() {
        assertThat(provider.returned(Map.of("token", ORDER_ID, "PayerID", "X")))
                .isEqualTo(new Inbound.Verified(null, "return", ORDER_ID));
        assertThat(new PayPalProvider(new ProviderProperties.PayPal(paypal.baseUrl(), "c", "s", "", null),
                Fixtures.http(), clock).available()).isFalse();
        assertThat(provider.available()).isTrue();
    }

    private void stubOrder(String status, String captures) {
        paypal.stubFor(get(urlEqualTo("/v2/checkout/orders/" + ORDER_ID)).withHeader("Authorization", equalTo("Bearer A21AAtoken"))
                .willReturn(okJson(order(status, captures))));
    }

    private void stubVerify(String verdict) {
        paypal.stubFor(post(urlEqualTo("/v1/notifications/verify-webhook-signature"))
                .willReturn(okJson("{\"verification_status\": \"" + verdict + "\"}")));
    }

    private static Map<String, String> headers(Instant sent) {
        Map<String, String> headers = new HashMap<>();
        headers.put("paypal-auth-algo", "SHA256withRSA");
        headers.put("paypal-cert-url", "https://api.test/v1/notifications/certs/CERT-360caa42-fca2a594-1d93a270");
        headers.put("paypal-transmission-id", "69cd13f0-d67a-11e5-baa3-778b53f4ae55");
        headers.put("paypal-transmission-sig", "lmI95Jx3Y9nhR5SJWlHVIWpg4AgFk7n9bCHSRxbrd8A9zrhdu2rMyFrmz+Zjh3s3boXB07VXCXUZy/UFzUlnGJn0wDugt7FlSvdKeIJenLRemUxYCPVoEZzg9VFNqOa48gMkvF+XTpxBeUx/kWy6B5cp7GkT2+pOowfRK7OaynuxUoKW3JcMWw272VKjLTtTAShncla7tGF+55rxyt2KNZIIqxNMJ48RDZheGU5w1npu9dZHnPgTXB9iomeVRoD8O/jhRpnKsGrDschyNdkeh81BJJMH4Ctc6lnCCquoP/GzCzz33MMsNdid7vL/NIWaCsekQpW26FpWPi/tfj8nLA==");
        headers.put("paypal-transmission-time", sent.toString());
        return headers;
    }

    private static String order(String status, String captures) {
        return """
                {"id": "5O190127TN364715T", "status": "%s", "intent": "CAPTURE",
                 "purchase_units": [{"reference_id": "ref", "amount": {"currency_code": "USD", "value": "100.00"}%s}]}"""
                .formatted(status, captures == null ? "" : ", \"payments\": {\"captures\": [" + captures + "]}");
    }

    private static String capture(String status, String value) {
        return """
                {"id": "3C679366HH908993F", "status": "%s", "amount": {"currency_code": "USD", "value": "%s"}}"""
                .formatted(status, value);
    }
}
