package io.haat.payment.provider.esewa;

import io.haat.events.Money;
import io.haat.events.payment.PaymentFailureReason;
import io.haat.payment.provider.Inbound;
import io.haat.payment.provider.PaymentLookup;
import io.haat.payment.provider.PaymentProvider;
import io.haat.payment.provider.PaymentRequest;
import io.haat.payment.provider.ProviderAction;
import io.haat.payment.provider.ProviderFailure;
import io.haat.payment.provider.ProviderHttp;
import io.haat.payment.provider.ProviderPaymentState;
import io.haat.payment.provider.ProviderProperties;
import io.haat.payment.provider.RefundRequest;
import io.haat.payment.provider.RefundResult;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * eSewa ePay v2: the browser posts a signed form ({@code signed_field_names} = total_amount,
 * transaction_uuid, product_code) to eSewa; eSewa sends the customer back to {@code success_url?data=<base64
 * JSON>} whose own signature is verified here; then the status-check API
 * ({@code GET ?product_code=&total_amount=&transaction_uuid=}) tells the state. Amounts are rupees with
 * decimals (NPR). ePay has no refund API: refunds are manual.
 */
public final class EsewaProvider implements PaymentProvider {

    private static final String CURRENCY = "NPR";
    static final List<String> REQUEST_SIGNED_FIELDS = List.of("total_amount", "transaction_uuid", "product_code");

    private final ProviderProperties.Esewa config;
    private final ProviderHttp http;
    private final EsewaSignature signature;

    public EsewaProvider(ProviderProperties.Esewa config, ProviderHttp http) {
        this.config = config;
        this.http = http;
        this.signature = new EsewaSignature(config.secretKey() == null ? "" : config.secretKey());
    }

    @Override
    public io.haat.events.payment.PaymentProvider kind() {
        return io.haat.events.payment.PaymentProvider.ESEWA;
    }

    @Override
    public boolean available() {
        return config.configured();
    }

    @Override
    public ProviderAction begin(PaymentRequest request) {
        if (!CURRENCY.equals(request.amount().currency())) {
            return new ProviderAction.Refused(ProviderFailure.of(ProviderFailure.Kind.REJECTED, "currency",
                    "eSewa takes NPR only, not " + request.amount().currency()));
        }
        String total = rupees(request.amount());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("amount", total);
        fields.put("tax_amount", "0");
        fields.put("total_amount", total);
        fields.put("transaction_uuid", request.merchantReference());
        fields.put("product_code", config.productCode());
        fields.put("product_service_charge", "0");
        fields.put("product_delivery_charge", "0");
        fields.put("success_url", request.returnUrl().toString());
        fields.put("failure_url", request.cancelUrl().toString());
        fields.put("signed_field_names", String.join(",", REQUEST_SIGNED_FIELDS));
        fields.put("signature", signature.sign(REQUEST_SIGNED_FIELDS, fields));
        return new ProviderAction.FormPost(request.merchantReference(), URI.create(config.formUrl()), fields);
    }

    @Override
    public ProviderPaymentState confirm(PaymentLookup lookup) {
        String query = "product_code=" + encode(config.productCode())
                + "&total_amount=" + encode(rupees(lookup.amount()))
                + "&transaction_uuid=" + encode(lookup.merchantReference());
        URI uri = URI.create(config.statusUrl() + (config.statusUrl().contains("?") ? "&" : "?") + query);
        return switch (http.send(http.request(uri).GET().build())) {
            case ProviderHttp.Failed failed -> new ProviderPaymentState.Unknown(failed.failure());
            case ProviderHttp.Answer answer when answer.ok() && answer.body().has("status") -> state(answer.body(), lookup);
            case ProviderHttp.Answer answer -> new ProviderPaymentState.Unknown(failure(answer));
        };
    }

    @Override
    public RefundResult refund(RefundRequest request) {
        return new RefundResult.Manual("eSewa ePay has no refund API: refund through the merchant portal");
    }

    @Override
    public Inbound verifyWebhook(Map<String, String> headers, String rawBody) {
        return new Inbound.Refused("eSewa ePay sends no webhooks to verify; its return is signed and checked by status");
    }

    /** Decodes {@code data} (base64 JSON), verifies its signature and product code. */
    @Override
    public Inbound returned(Map<String, String> query) {
        String data = query.get("data");
        if (data == null || data.isBlank()) {
            return new Inbound.Refused("missing data");
        }
        JsonNode body;
        try {
            body = http.parse(new String(Base64.getMimeDecoder().decode(data), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return new Inbound.Refused("data is not base64");
        }
        List<String> names = Arrays.stream(body.path("signed_field_names").asString("").split(","))
                .map(String::trim).filter(name -> !name.isEmpty()).toList();
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : names) {
            JsonNode value = body.path(name);
            if (value.isValueNode()) {
                fields.put(name, value.asString());      // a number keeps eSewa's literal, e.g. 1000.0
            }
        }
        if (!signature.verify(names, fields, body.path("signature").asString(""))) {
            return new Inbound.Refused("signature does not match");
        }
        if (!names.containsAll(List.of("transaction_uuid", "status", "product_code"))
                || !config.productCode().equals(fields.get("product_code"))) {
            return new Inbound.Refused("signed response lacks transaction_uuid, status or our product_code");
        }
        return new Inbound.Verified(fields.get("transaction_code"), fields.get("status"), fields.get("transaction_uuid"));
    }

    /** The status-check API's statuses, as eSewa's documentation lists them. */
    private static ProviderPaymentState state(JsonNode body, PaymentLookup lookup) {
        String status = body.path("status").asString("");
        return switch (status) {
            case "COMPLETE" -> {
                Money paid = paisa(body.path("total_amount"));
                yield paid != null && paid.equals(lookup.amount())
                        && lookup.merchantReference().equals(body.path("transaction_uuid").asString(""))
                        ? new ProviderPaymentState.Captured(paid, body.path("ref_id").asString(null))
                        : new ProviderPaymentState.Failed(PaymentFailureReason.VERIFICATION_FAILED,
                                "COMPLETE for another amount or transaction");
            }
            // NOT_FOUND: the session never reached eSewa or expired there; the customer may still pay until
            // the payment's deadline, after which the expiry job fails it.
            case "PENDING", "AMBIGUOUS", "NOT_FOUND" -> new ProviderPaymentState.Pending(status);
            case "CANCELED" -> new ProviderPaymentState.Failed(PaymentFailureReason.CANCELLED_BY_CUSTOMER, status);
            case "FULL_REFUND" -> new ProviderPaymentState.Refunded(true);
            case "PARTIAL_REFUND" -> new ProviderPaymentState.Refunded(false);
            default -> new ProviderPaymentState.Unknown(ProviderFailure.of(ProviderFailure.Kind.PROVIDER_ERROR,
                    "unknown_status", "eSewa status '" + status + "'"));
        };
    }

    /** eSewa's error body: {@code {"code": 0, "error_message": "…"}}. */
    private static ProviderFailure failure(ProviderHttp.Answer answer) {
        String message = answer.body().path("error_message").asString("HTTP " + answer.status());
        String code = answer.body().has("code") ? "esewa_" + answer.body().path("code").asString() : "http_" + answer.status();
        if (answer.status() == 401 || answer.status() == 403) {
            return ProviderFailure.of(ProviderFailure.Kind.UNAUTHORIZED, code, message);
        }
        if (answer.status() >= 400 && answer.status() < 500 && answer.status() != 429) {
            return ProviderFailure.of(ProviderFailure.Kind.REJECTED, code, message);
        }
        return ProviderFailure.of(ProviderFailure.Kind.PROVIDER_ERROR, code, message);
    }

    /** NPR minor units as eSewa's rupee amount: 10050 → "100.5", 10000 → "100". */
    static String rupees(Money amount) {
        return BigDecimal.valueOf(amount.amountMinor(), 2).stripTrailingZeros().toPlainString();
    }

    private static Money paisa(JsonNode rupees) {
        try {
            return new Money(new BigDecimal(rupees.asString("")).movePointRight(2).longValueExact(), CURRENCY);
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
