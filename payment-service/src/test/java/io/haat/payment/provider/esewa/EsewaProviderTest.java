package io.haat.payment.provider.esewa;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** eSewa ePay v2 against its documented signature vector and a stub of its status-check API. */
class EsewaProviderTest {

    /** eSewa's published UAT merchant code and key (its developer page's test credentials). */
    private static final String UAT_PRODUCT = "EPAYTEST";
    private static final String UAT_KEY = "8gBm/:&EnhH.1/q";
    private static final String STATUS = "/api/epay/transaction/status/";

    @RegisterExtension
    static WireMockExtension esewa = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final EsewaProvider provider = new EsewaProvider(new ProviderProperties.Esewa(
            "http://esewa.test/api/epay/main/v2/form", esewa.baseUrl() + STATUS, UAT_PRODUCT, UAT_KEY), Fixtures.http());
    private final Money npr100 = new Money(10_000, "NPR");
    private final String uuid = Fixtures.ORDER + "-2";
    private final PaymentLookup lookup = new PaymentLookup(uuid, uuid, npr100);

    @Test
    void theSignatureMatchesTheDocumentedSuccessResponse() {
        // eSewa's documentation: this decoded success response, signed with the UAT key.
        String documented = """
                {"transaction_code": "000AWEO", "status": "COMPLETE", "total_amount": 1000.0,
                 "transaction_uuid": "250610-162413", "product_code": "EPAYTEST",
                 "signed_field_names": "transaction_code,status,total_amount,transaction_uuid,product_code,signed_field_names",
                 "signature": "62GcfZTmVkzhtUeh+QJ1AqiJrjoWWGof3U+eTPTZ7fA="}""";

        Inbound inbound = provider.returned(Map.of("data", base64(documented)));

        assertThat(inbound).isEqualTo(new Inbound.Verified("000AWEO", "COMPLETE", "250610-162413"));
    }

    @Test
    void theRequestSignatureCoversTotalAmountUuidAndProductCode() {
        // computed independently (Python hmac) for total_amount=100,transaction_uuid=11-201-13,product_code=EPAYTEST
        String signature = new EsewaSignature(UAT_KEY).sign(EsewaProvider.REQUEST_SIGNED_FIELDS,
                Map.of("total_amount", "100", "transaction_uuid", "11-201-13", "product_code", "EPAYTEST"));

        assertThat(signature).isEqualTo("5DZywcrTKD0gia/rsSMcrRHmJl+4Tbol6S+lWgdJ94E=");
    }

    @Test
    void beginBuildsTheSignedFormInRupees() {
        ProviderAction action = provider.begin(Fixtures.request(new Money(10_050, "NPR")));

        assertThat(action).isInstanceOfSatisfying(ProviderAction.FormPost.class, form -> {
            assertThat(form.reference()).isEqualTo(uuid);
            assertThat(form.action()).hasToString("http://esewa.test/api/epay/main/v2/form");
            assertThat(form.fields()).containsEntry("amount", "100.5").containsEntry("total_amount", "100.5")
                    .containsEntry("tax_amount", "0").containsEntry("product_service_charge", "0")
                    .containsEntry("product_delivery_charge", "0").containsEntry("transaction_uuid", uuid)
                    .containsEntry("product_code", UAT_PRODUCT)
                    .containsEntry("success_url", "http://shop.test/payments/return/x")
                    .containsEntry("failure_url", "http://shop.test/payments/return/x?failed")
                    .containsEntry("signed_field_names", "total_amount,transaction_uuid,product_code")
                    .containsEntry("signature", new EsewaSignature(UAT_KEY).sign(
                            List.of("total_amount", "transaction_uuid", "product_code"), form.fields()));
        });
    }

    @Test
    void beginRefusesAnotherCurrency() {
        assertThat(provider.begin(Fixtures.request(new Money(100, "EUR")))).isInstanceOf(ProviderAction.Refused.class);
    }

    @Test
    void aTamperedReturnIsRefused() {
        String tampered = """
                {"transaction_code": "000AWEO", "status": "COMPLETE", "total_amount": 9000.0,
                 "transaction_uuid": "250610-162413", "product_code": "EPAYTEST",
                 "signed_field_names": "transaction_code,status,total_amount,transaction_uuid,product_code,signed_field_names",
                 "signature": "62GcfZTmVkzhtUeh+QJ1AqiJrjoWWGof3U+eTPTZ7fA="}""";

        assertThat(provider.returned(Map.of("data", base64(tampered)))).isInstanceOf(Inbound.Refused.class);
    }

    @Test
    void aReturnSignedForAnotherMerchantIsRefused() {
        String fields = "transaction_code,status,total_amount,transaction_uuid,product_code,signed_field_names";
        Map<String, String> values = Map.of("transaction_code", "000AWEO", "status", "COMPLETE",
                "total_amount", "1000.0", "transaction_uuid", "250610-162413", "product_code", "OTHER",
                "signed_field_names", fields);
        String signature = new EsewaSignature(UAT_KEY).sign(List.of(fields.split(",")), values);
        String body = """
                {"transaction_code": "000AWEO", "status": "COMPLETE", "total_amount": "1000.0",
                 "transaction_uuid": "250610-162413", "product_code": "OTHER", "signed_field_names": "%s",
                 "signature": "%s"}""".formatted(fields, signature);

        assertThat(provider.returned(Map.of("data", base64(body)))).isInstanceOf(Inbound.Refused.class);
    }

    @Test
    void aMissingOrUnreadableReturnIsRefused() {
        assertThat(provider.returned(Map.of())).isInstanceOf(Inbound.Refused.class);
        assertThat(provider.returned(Map.of("data", "***not base64***"))).isInstanceOf(Inbound.Refused.class);
        assertThat(provider.returned(Map.of("data", base64("{\"status\": \"COMPLETE\"}")))).isInstanceOf(Inbound.Refused.class);
    }

    @Test
    void aCompleteStatusForTheAmountIsACapture() {
        stubStatus("COMPLETE", "100.0", "\"0001TS9\"");

        assertThat(provider.confirm(lookup)).isEqualTo(new ProviderPaymentState.Captured(npr100, "0001TS9"));
    }

    @Test
    void aCompleteStatusForAnotherAmountFailsVerification() {
        stubStatus("COMPLETE", "1.0", "\"0001TS9\"");

        assertThat(provider.confirm(lookup)).isInstanceOfSatisfying(ProviderPaymentState.Failed.class,
                failed -> assertThat(failed.reason()).isEqualTo(PaymentFailureReason.VERIFICATION_FAILED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PENDING", "AMBIGUOUS", "NOT_FOUND"})
    void undecidedStatusesStayPending(String status) {
        stubStatus(status, "100.0", "null");

        assertThat(provider.confirm(lookup)).isEqualTo(new ProviderPaymentState.Pending(status));
    }

    @Test
    void theOtherDocumentedStatuses() {
        stubStatus("CANCELED", "100.0", "null");
        assertThat(provider.confirm(lookup))
                .isEqualTo(new ProviderPaymentState.Failed(PaymentFailureReason.CANCELLED_BY_CUSTOMER, "CANCELED"));
        stubStatus("FULL_REFUND", "100.0", "\"0001TS9\"");
        assertThat(provider.confirm(lookup)).isEqualTo(new ProviderPaymentState.Refunded(true));
        stubStatus("PARTIAL_REFUND", "100.0", "\"0001TS9\"");
        assertThat(provider.confirm(lookup)).isEqualTo(new ProviderPaymentState.Refunded(false));
    }

    @Test
    void theDocumentedErrorBodyIsTyped() {
        esewa.stubFor(get(urlPathEqualTo(STATUS)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\": 0, \"error_message\": \"Invalid payload signature.\"}")));
        assertThat(provider.confirm(lookup)).isEqualTo(new ProviderPaymentState.Unknown(
                ProviderFailure.of(ProviderFailure.Kind.REJECTED, "esewa_0", "Invalid payload signature.")));

        esewa.stubFor(get(urlPathEqualTo(STATUS)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\": 0, \"error_message\": \"Service is currently unavailable\"}")));
        assertThat(provider.confirm(lookup)).isEqualTo(new ProviderPaymentState.Unknown(
                ProviderFailure.of(ProviderFailure.Kind.PROVIDER_ERROR, "esewa_0", "Service is currently unavailable")));
    }

    @Test
    void aSlowStatusCheckLeavesTheStateUnknown() {
        esewa.stubFor(get(urlPathEqualTo(STATUS)).willReturn(okJson("{}").withFixedDelay(Fixtures.SLOW)));

        assertThat(provider.confirm(lookup)).isInstanceOfSatisfying(ProviderPaymentState.Unknown.class,
                unknown -> assertThat(unknown.failure().kind()).isEqualTo(ProviderFailure.Kind.UNREACHABLE));
    }

    @Test
    void refundsAreManualAndWebhooksRefused() {
        assertThat(provider.refund(new RefundRequest(UUID.randomUUID(), lookup, npr100, "test")))
                .isInstanceOf(RefundResult.Manual.class);
        assertThat(provider.verifyWebhook(Map.of(), "{}")).isInstanceOf(Inbound.Refused.class);
    }

    @Test
    void withoutAKeyEsewaIsUnavailable() {
        assertThat(new EsewaProvider(new ProviderProperties.Esewa("http://f", "http://s", UAT_PRODUCT, null),
                Fixtures.http()).available()).isFalse();
        assertThat(provider.available()).isTrue();
    }

    private void stubStatus(String status, String totalAmount, String refId) {
        esewa.stubFor(get(urlPathEqualTo(STATUS))
                .withQueryParam("product_code", equalTo(UAT_PRODUCT))
                .withQueryParam("total_amount", equalTo("100"))
                .withQueryParam("transaction_uuid", equalTo(uuid))
                .willReturn(okJson("""
                        {"product_code": "EPAYTEST", "transaction_uuid": "%s", "total_amount": %s,
                         "status": "%s", "ref_id": %s}""".formatted(uuid, totalAmount, status, refId))));
    }

    private static String base64(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
