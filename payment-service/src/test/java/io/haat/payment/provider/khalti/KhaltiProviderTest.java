package io.haat.payment.provider.khalti;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Khalti ePayment against stubs shaped like its documented initiate, lookup and refund calls. */
class KhaltiProviderTest {

    @RegisterExtension
    static WireMockExtension khalti = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final Money NPR_1000 = new Money(100_000, "NPR");
    private static final String LOOKUP = "/api/v2/epayment/lookup/";

    private KhaltiProvider provider(String secret) {
        return new KhaltiProvider(new ProviderProperties.Khalti(khalti.baseUrl() + "/api", secret, "http://shop.test/"),
                Fixtures.http());
    }

    private final KhaltiProvider provider = provider("live_secret_key_test");
    private final PaymentLookup lookup = new PaymentLookup("bZQLD9wRVWo4CdESSfuSsB", Fixtures.ORDER + "-2", NPR_1000);

    @Test
    void initiatesWithTheKeyAndTheAmountInPaisaAndRedirectsToThePaymentUrl() {
        khalti.stubFor(post(urlEqualTo("/api/v2/epayment/initiate/"))
                .withHeader("Authorization", equalTo("Key live_secret_key_test"))
                .withRequestBody(equalToJson("""
                        {"return_url": "http://shop.test/payments/return/x", "website_url": "http://shop.test/",
                         "amount": 100000, "purchase_order_id": "%s-2", "purchase_order_name": "Haat order"}
                        """.formatted(Fixtures.ORDER)))
                .willReturn(okJson("""
                        {"pidx": "bZQLD9wRVWo4CdESSfuSsB",
                         "payment_url": "https://pay.test/?pidx=bZQLD9wRVWo4CdESSfuSsB",
                         "expires_at": "2023-05-25T16:26:16.471649+05:45", "expires_in": 1800}""")));

        ProviderAction action = provider.begin(Fixtures.request(NPR_1000));

        assertThat(action).isEqualTo(new ProviderAction.Redirect("bZQLD9wRVWo4CdESSfuSsB",
                URI.create("https://pay.test/?pidx=bZQLD9wRVWo4CdESSfuSsB")));
    }

    @Test
    void refusesAnotherCurrencyWithoutCallingKhalti() {
        ProviderAction action = provider.begin(Fixtures.request(new Money(1000, "USD")));

        assertThat(action).isInstanceOfSatisfying(ProviderAction.Refused.class,
                refused -> assertThat(refused.failure().kind()).isEqualTo(ProviderFailure.Kind.REJECTED));
        khalti.verify(0, postRequestedFor(urlEqualTo("/api/v2/epayment/initiate/")));
    }

    @Test
    void aValidationErrorIsARejectionWithKhaltisWords() {
        khalti.stubFor(post(urlEqualTo("/api/v2/epayment/initiate/")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"amount": ["Amount should be greater than Rs. 10, that is 1000 paisa."],
                         "error_key": "validation_error"}""")));

        ProviderAction action = provider.begin(Fixtures.request(NPR_1000));

        assertThat(((ProviderAction.Refused) action).failure()).isEqualTo(ProviderFailure.of(
                ProviderFailure.Kind.REJECTED, "validation_error",
                "amount: Amount should be greater than Rs. 10, that is 1000 paisa."));
    }

    @Test
    void aWrongKeyIsUnauthorized() {
        khalti.stubFor(post(urlEqualTo("/api/v2/epayment/initiate/")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"detail\": \"Invalid token.\", \"status_code\": 401}")));

        ProviderAction action = provider("wrong").begin(Fixtures.request(NPR_1000));

        assertThat(((ProviderAction.Refused) action).failure().kind()).isEqualTo(ProviderFailure.Kind.UNAUTHORIZED);
        assertThat(((ProviderAction.Refused) action).failure().message()).isEqualTo("Invalid token.");
    }

    @Test
    void aServerErrorPageIsAProviderError() {
        khalti.stubFor(post(urlEqualTo("/api/v2/epayment/initiate/"))
                .willReturn(aResponse().withStatus(502).withBody("<html>Bad gateway</html>")));

        ProviderAction action = provider.begin(Fixtures.request(NPR_1000));

        assertThat(((ProviderAction.Refused) action).failure().kind()).isEqualTo(ProviderFailure.Kind.PROVIDER_ERROR);
    }

    @Test
    void noAnswerInTimeIsUnreachable() {
        khalti.stubFor(post(urlEqualTo("/api/v2/epayment/initiate/"))
                .willReturn(okJson("{\"pidx\": \"x\", \"payment_url\": \"https://pay.test/\"}").withFixedDelay(Fixtures.SLOW)));

        ProviderAction action = provider.begin(Fixtures.request(NPR_1000));

        assertThat(((ProviderAction.Refused) action).failure().kind()).isEqualTo(ProviderFailure.Kind.UNREACHABLE);
    }

    @Test
    void aCompletedLookupForTheAmountIsACapture() {
        stubLookup("Completed", 100_000);

        assertThat(provider.confirm(lookup))
                .isEqualTo(new ProviderPaymentState.Captured(NPR_1000, "GFq9PFS7b2iYvL8Lir9oXe"));
        khalti.verify(postRequestedFor(urlEqualTo(LOOKUP)).withHeader("Authorization", equalTo("Key live_secret_key_test"))
                .withRequestBody(equalToJson("{\"pidx\": \"bZQLD9wRVWo4CdESSfuSsB\"}")));
    }

    @Test
    void aCompletedLookupForAnotherAmountFailsVerification() {
        stubLookup("Completed", 1_000);

        assertThat(provider.confirm(lookup)).isInstanceOfSatisfying(ProviderPaymentState.Failed.class,
                failed -> assertThat(failed.reason()).isEqualTo(PaymentFailureReason.VERIFICATION_FAILED));
    }

    @ParameterizedTest
    @CsvSource({"Pending, PENDING", "Initiated, PENDING", "Expired, EXPIRED", "User canceled, CANCELLED_BY_CUSTOMER",
            "Refunded, REFUNDED", "Partially Refunded, PARTIALLY_REFUNDED"})
    void everyDocumentedLookupStatusHasItsState(String status, String expected) {
        stubLookup(status, 100_000);

        ProviderPaymentState state = provider.confirm(lookup);

        switch (expected) {
            case "PENDING" -> assertThat(state).isEqualTo(new ProviderPaymentState.Pending(status));
            case "REFUNDED" -> assertThat(state).isEqualTo(new ProviderPaymentState.Refunded(true));
            case "PARTIALLY_REFUNDED" -> assertThat(state).isEqualTo(new ProviderPaymentState.Refunded(false));
            default -> assertThat(state).isEqualTo(
                    new ProviderPaymentState.Failed(PaymentFailureReason.valueOf(expected), status));
        }
    }

    @Test
    void anUnknownPidxIsNotFound() {
        khalti.stubFor(post(urlEqualTo(LOOKUP)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"detail\": \"Not found.\", \"error_key\": \"validation_error\"}")));

        assertThat(provider.confirm(lookup)).isInstanceOfSatisfying(ProviderPaymentState.Unknown.class,
                unknown -> assertThat(unknown.failure().kind()).isEqualTo(ProviderFailure.Kind.NOT_FOUND));
    }

    @Test
    void aSlowLookupLeavesTheStateUnknown() {
        khalti.stubFor(post(urlEqualTo(LOOKUP)).willReturn(okJson("{}").withFixedDelay(Fixtures.SLOW)));

        assertThat(provider.confirm(lookup)).isInstanceOfSatisfying(ProviderPaymentState.Unknown.class,
                unknown -> assertThat(unknown.failure().kind()).isEqualTo(ProviderFailure.Kind.UNREACHABLE));
    }

    @Test
    void aPartialRefundNamesTheTransactionAndTheAmountInPaisa() {
        stubLookup("Completed", 100_000);
        khalti.stubFor(post(urlEqualTo("/api/merchant-transaction/GFq9PFS7b2iYvL8Lir9oXe/refund/"))
                .withHeader("Authorization", equalTo("Key live_secret_key_test"))
                .withRequestBody(equalToJson("{\"amount\": 25000}"))
                .willReturn(okJson("{\"detail\": \"Transaction refund successful.\"}")));

        RefundResult result = provider.refund(new RefundRequest(UUID.randomUUID(), lookup, new Money(25_000, "NPR"), "test"));

        assertThat(result).isEqualTo(new RefundResult.Refunded("GFq9PFS7b2iYvL8Lir9oXe"));
    }

    @Test
    void aRefusedRefundIsTyped() {
        stubLookup("Completed", 100_000);
        khalti.stubFor(post(urlEqualTo("/api/merchant-transaction/GFq9PFS7b2iYvL8Lir9oXe/refund/"))
                .withRequestBody(equalToJson("{}"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"detail\": \"Transaction already refunded.\", \"error_key\": \"validation_error\"}")));

        RefundResult result = provider.refund(new RefundRequest(UUID.randomUUID(), lookup, NPR_1000, "test"));

        assertThat(result).isEqualTo(new RefundResult.Refused(ProviderFailure.of(ProviderFailure.Kind.REJECTED,
                "validation_error", "Transaction already refunded.")));
    }

    @Test
    void theReturnOnlyNamesThePaymentAndAWebhookIsRefused() {
        assertThat(provider.returned(Map.of("pidx", "bZQLD9wRVWo4CdESSfuSsB", "status", "Completed")))
                .isEqualTo(new Inbound.Verified(null, "Completed", "bZQLD9wRVWo4CdESSfuSsB"));
        assertThat(provider.returned(Map.of("status", "Completed"))).isInstanceOf(Inbound.Refused.class);
        assertThat(provider.verifyWebhook(Map.of(), "{}")).isInstanceOf(Inbound.Refused.class);
    }

    @Test
    void withoutAKeyKhaltiIsUnavailable() {
        assertThat(provider("").available()).isFalse();
        assertThat(provider.available()).isTrue();
    }

    private void stubLookup(String status, long totalAmount) {
        khalti.stubFor(post(urlEqualTo(LOOKUP)).willReturn(okJson("""
                {"pidx": "bZQLD9wRVWo4CdESSfuSsB", "total_amount": %d, "status": "%s",
                 "transaction_id": "GFq9PFS7b2iYvL8Lir9oXe", "fee": 0, "refunded": false}""".formatted(totalAmount, status))));
    }
}
