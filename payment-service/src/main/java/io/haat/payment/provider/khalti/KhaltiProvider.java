package io.haat.payment.provider.khalti;

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
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Khalti ePayment (KPG-2): {@code POST /v2/epayment/initiate/} answers {@code pidx} and {@code payment_url}
 * (the customer's redirect); Khalti sends the customer back to {@code return_url?pidx=…&status=…}, which is
 * not trusted: {@code POST /v2/epayment/lookup/} with the pidx tells the state. Amounts are in paisa (NPR
 * minor units), authorization is {@code Authorization: Key <secret>}. Refunds go through
 * {@code POST /merchant-transaction/<transaction_id>/refund/} (amount in paisa for a partial refund).
 */
public final class KhaltiProvider implements PaymentProvider {

    private static final String CURRENCY = "NPR";

    private final ProviderProperties.Khalti config;
    private final ProviderHttp http;

    public KhaltiProvider(ProviderProperties.Khalti config, ProviderHttp http) {
        this.config = config;
        this.http = http;
    }

    @Override
    public io.haat.events.payment.PaymentProvider kind() {
        return io.haat.events.payment.PaymentProvider.KHALTI;
    }

    @Override
    public boolean available() {
        return config.configured();
    }

    @Override
    public ProviderAction begin(PaymentRequest request) {
        if (!CURRENCY.equals(request.amount().currency())) {
            return new ProviderAction.Refused(ProviderFailure.of(ProviderFailure.Kind.REJECTED, "currency",
                    "Khalti takes NPR only, not " + request.amount().currency()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("return_url", request.returnUrl().toString());
        body.put("website_url", config.websiteUrl());
        body.put("amount", request.amount().amountMinor());
        body.put("purchase_order_id", request.merchantReference());
        body.put("purchase_order_name", request.description());
        return switch (post("/v2/epayment/initiate/", body)) {
            case ProviderHttp.Failed failed -> new ProviderAction.Refused(failed.failure());
            case ProviderHttp.Answer answer when answer.ok() -> redirect(answer.body());
            case ProviderHttp.Answer answer -> new ProviderAction.Refused(failure(answer));
        };
    }

    @Override
    public ProviderPaymentState confirm(PaymentLookup lookup) {
        return switch (post("/v2/epayment/lookup/", Map.of("pidx", lookup.providerReference()))) {
            case ProviderHttp.Failed failed -> new ProviderPaymentState.Unknown(failed.failure());
            case ProviderHttp.Answer answer when answer.ok() -> state(answer.body(), lookup);
            case ProviderHttp.Answer answer -> new ProviderPaymentState.Unknown(failure(answer));
        };
    }

    @Override
    public RefundResult refund(RefundRequest request) {
        // The refund call wants Khalti's transaction id, which only the look-up knows.
        ProviderHttp.Outcome lookup = post("/v2/epayment/lookup/", Map.of("pidx", request.payment().providerReference()));
        if (lookup instanceof ProviderHttp.Failed failed) {
            return new RefundResult.Refused(failed.failure());
        }
        ProviderHttp.Answer found = (ProviderHttp.Answer) lookup;
        String transactionId = found.body().path("transaction_id").asString("");
        if (!found.ok() || transactionId.isBlank()) {
            return new RefundResult.Refused(found.ok()
                    ? ProviderFailure.of(ProviderFailure.Kind.REJECTED, "not_completed", "the payment has no transaction")
                    : failure(found));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (request.amount().amountMinor() < request.payment().amount().amountMinor()) {
            body.put("amount", request.amount().amountMinor());
        }
        String path = "/merchant-transaction/" + URLEncoder.encode(transactionId, StandardCharsets.UTF_8) + "/refund/";
        return switch (post(path, body)) {
            case ProviderHttp.Failed failed -> new RefundResult.Refused(failed.failure());
            case ProviderHttp.Answer answer when answer.ok() -> new RefundResult.Refunded(transactionId);
            case ProviderHttp.Answer answer -> new RefundResult.Refused(failure(answer));
        };
    }

    @Override
    public Inbound verifyWebhook(Map<String, String> headers, String rawBody) {
        return new Inbound.Refused("Khalti ePayment sends no webhooks; its return is confirmed by look-up");
    }

    @Override
    public Inbound returned(Map<String, String> query) {
        String pidx = query.get("pidx");
        if (pidx == null || pidx.isBlank()) {
            return new Inbound.Refused("missing pidx");
        }
        return new Inbound.Verified(query.get("transaction_id"), query.getOrDefault("status", "return"), pidx);
    }

    private ProviderHttp.Outcome post(String path, Object body) {
        return http.send(http.request(URI.create(stripSlash(config.baseUrl()) + path))
                .header("Authorization", "Key " + config.secretKey())
                .header("Content-Type", "application/json")
                .POST(http.jsonBody(body)).build());
    }

    private static ProviderAction redirect(JsonNode body) {
        String pidx = body.path("pidx").asString("");
        String url = body.path("payment_url").asString("");
        if (pidx.isBlank() || url.isBlank()) {
            return new ProviderAction.Refused(ProviderFailure.of(ProviderFailure.Kind.PROVIDER_ERROR,
                    "unreadable", "initiate answered without pidx or payment_url"));
        }
        try {
            return new ProviderAction.Redirect(pidx, URI.create(url));
        } catch (IllegalArgumentException e) {
            return new ProviderAction.Refused(ProviderFailure.of(ProviderFailure.Kind.PROVIDER_ERROR,
                    "unreadable", "payment_url is not a URL"));
        }
    }

    /** Khalti's look-up statuses, as its documentation lists them. */
    private static ProviderPaymentState state(JsonNode body, PaymentLookup lookup) {
        String status = body.path("status").asString("");
        return switch (status) {
            case "Completed" -> {
                Money paid = new Money(body.path("total_amount").asLong(-1), CURRENCY);
                yield paid.equals(lookup.amount())
                        ? new ProviderPaymentState.Captured(paid, body.path("transaction_id").asString(null))
                        : new ProviderPaymentState.Failed(PaymentFailureReason.VERIFICATION_FAILED,
                                "Completed with " + paid.amountMinor() + " instead of " + lookup.amount().amountMinor());
            }
            case "Pending", "Initiated" -> new ProviderPaymentState.Pending(status);
            case "Refunded" -> new ProviderPaymentState.Refunded(true);
            case "Partially Refunded" -> new ProviderPaymentState.Refunded(false);
            case "Expired" -> new ProviderPaymentState.Failed(PaymentFailureReason.EXPIRED, status);
            case "User canceled" -> new ProviderPaymentState.Failed(PaymentFailureReason.CANCELLED_BY_CUSTOMER, status);
            default -> new ProviderPaymentState.Unknown(ProviderFailure.of(ProviderFailure.Kind.PROVIDER_ERROR,
                    "unknown_status", "Khalti status '" + status + "'"));
        };
    }

    /**
     * Khalti's error bodies: {@code {"detail": "Invalid token.", "status_code": 401}} for credentials,
     * {@code {"<field>": ["…"], "error_key": "validation_error"}} for a refused request, {@code {"detail":
     * "Not found.", "error_key": "validation_error"}} for an unknown pidx.
     */
    private static ProviderFailure failure(ProviderHttp.Answer answer) {
        JsonNode body = answer.body();
        String key = body.path("error_key").asString(null);
        String message = message(body);
        if (answer.status() == 401 || answer.status() == 403) {
            return ProviderFailure.of(ProviderFailure.Kind.UNAUTHORIZED, key, message);
        }
        if (answer.status() == 404 || "Not found.".equals(body.path("detail").asString(null))) {
            return ProviderFailure.of(ProviderFailure.Kind.NOT_FOUND, key, message);
        }
        if (answer.status() >= 400 && answer.status() < 500 && answer.status() != 429) {
            return ProviderFailure.of(ProviderFailure.Kind.REJECTED, key, message);
        }
        return ProviderFailure.of(ProviderFailure.Kind.PROVIDER_ERROR, "http_" + answer.status(), message);
    }

    private static String message(JsonNode body) {
        if (body.has("detail")) {
            return body.path("detail").asString("");
        }
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            if (!field.getKey().equals("error_key")) {
                JsonNode value = field.getValue();
                String said = value.isArray() && !value.isEmpty() ? value.get(0).asString("") : value.asString("");
                text.append(text.isEmpty() ? "" : "; ").append(field.getKey()).append(": ").append(said);
            }
        }
        return text.toString();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
