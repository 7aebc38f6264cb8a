package io.haat.payment.provider.paypal;

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
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * PayPal Orders v2: create ({@code POST /v2/checkout/orders}, {@code PayPal-Request-Id}) → the payer's
 * approval link; the look-up ({@code GET /v2/checkout/orders/{id}}) captures an APPROVED order
 * ({@code POST …/capture}, keyed so a retry never captures twice) and reads the capture. Refunds:
 * {@code POST /v2/payments/captures/{capture_id}/refund}. Webhooks are verified by PayPal's
 * {@code POST /v1/notifications/verify-webhook-signature}, after a transmission time older than the tolerance
 * is refused here.
 */
public final class PayPalProvider implements PaymentProvider {

    private static final List<String> WEBHOOK_HEADERS = List.of("paypal-auth-algo", "paypal-cert-url",
            "paypal-transmission-id", "paypal-transmission-sig", "paypal-transmission-time");

    private final ProviderProperties.PayPal config;
    private final ProviderHttp http;
    private final Clock clock;
    private final PayPalToken token;

    public PayPalProvider(ProviderProperties.PayPal config, ProviderHttp http, Clock clock) {
        this.config = config;
        this.http = http;
        this.clock = clock;
        this.token = new PayPalToken(config, http, clock);
    }

    @Override
    public io.haat.events.payment.PaymentProvider kind() {
        return io.haat.events.payment.PaymentProvider.PAYPAL;
    }

    @Override
    public boolean available() {
        return config.configured();
    }

    @Override
    public ProviderAction begin(PaymentRequest request) {
        Map<String, Object> experience = new LinkedHashMap<>();
        experience.put("return_url", request.returnUrl().toString());
        experience.put("cancel_url", request.cancelUrl().toString());
        experience.put("user_action", "PAY_NOW");
        Map<String, Object> unit = new LinkedHashMap<>();
        unit.put("reference_id", request.merchantReference());
        unit.put("custom_id", request.paymentId().toString());
        unit.put("description", request.description());
        unit.put("amount", amount(request.amount()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("intent", "CAPTURE");
        body.put("purchase_units", List.of(unit));
        body.put("payment_source", Map.of("paypal", Map.of("experience_context", experience)));
        return call("/v2/checkout/orders", request.idempotencyKey(), body, ProviderAction.Refused::new,
                PayPalProvider::approval);
    }

    @Override
    public ProviderPaymentState confirm(PaymentLookup lookup) {
        String path = "/v2/checkout/orders/" + encode(lookup.providerReference());
        return call(path, null, null, ProviderPaymentState.Unknown::new, order -> switch (order.path("status").asString("")) {
            case "APPROVED" -> call(path + "/capture", "capture:" + lookup.merchantReference(), Map.of(),
                    ProviderPaymentState.Unknown::new, captured -> captured(captured, lookup));
            case "COMPLETED" -> captured(order, lookup);
            case "CREATED", "SAVED", "PAYER_ACTION_REQUIRED" -> new ProviderPaymentState.Pending(order.path("status").asString());
            case "VOIDED" -> new ProviderPaymentState.Failed(PaymentFailureReason.CANCELLED_BY_CUSTOMER, "VOIDED");
            default -> new ProviderPaymentState.Unknown(ProviderFailure.of(ProviderFailure.Kind.PROVIDER_ERROR,
                    "unknown_status", "order status '" + order.path("status").asString("") + "'"));
        });
    }

    @Override
    public RefundResult refund(RefundRequest request) {
        String order = "/v2/checkout/orders/" + encode(request.payment().providerReference());
        return call(order, null, null, RefundResult.Refused::new, found -> {
            String captureId = firstCapture(found).path("id").asString("");
            if (captureId.isBlank()) {
                return new RefundResult.Refused(ProviderFailure.of(ProviderFailure.Kind.REJECTED, "not_captured",
                        "the order has no capture to refund"));
            }
            return call("/v2/payments/captures/" + encode(captureId) + "/refund", "refund:" + request.refundId(),
                    Map.of("amount", amount(request.amount())), RefundResult.Refused::new,
                    refund -> switch (refund.path("status").asString("")) {
                        case "COMPLETED" -> new RefundResult.Refunded(refund.path("id").asString());
                        case "PENDING" -> new RefundResult.Pending(refund.path("id").asString());
                        default -> new RefundResult.Refused(ProviderFailure.of(ProviderFailure.Kind.REJECTED,
                                refund.path("status").asString("unknown"), "refund not completed"));
                    });
        });
    }

    @Override
    public RefundResult refundState(String providerRefundId) {
        return call("/v2/payments/refunds/" + encode(providerRefundId), null, null,
                failure -> new RefundResult.Pending(providerRefundId),   // could not ask: ask again later
                refund -> switch (refund.path("status").asString("")) {
                    case "COMPLETED" -> new RefundResult.Refunded(refund.path("id").asString(providerRefundId));
                    case "FAILED", "CANCELLED" -> new RefundResult.Refused(ProviderFailure.of(
                            ProviderFailure.Kind.REJECTED, refund.path("status").asString(), "refund not completed"));
                    default -> new RefundResult.Pending(providerRefundId);
                });
    }

    @Override
    public Inbound verifyWebhook(Map<String, String> headers, String rawBody) {
        if (!WEBHOOK_HEADERS.stream().allMatch(name -> headers.get(name) != null && !headers.get(name).isBlank())) {
            return new Inbound.Refused("missing PayPal transmission headers");
        }
        try {
            Instant sent = Instant.parse(headers.get("paypal-transmission-time"));
            if (Duration.between(sent, clock.instant()).abs().compareTo(config.webhookTolerance()) > 0) {
                return new Inbound.Refused("transmission time outside the tolerance of " + config.webhookTolerance());
            }
        } catch (DateTimeParseException e) {
            return new Inbound.Refused("unreadable transmission time");
        }
        JsonNode event = http.parse(rawBody);
        if (!event.isObject()) {
            return new Inbound.Refused("body is not a PayPal event");
        }
        // The event goes back to PayPal exactly as it came: its signature covers those bytes.
        String body = "{\"auth_algo\":" + quote(headers.get("paypal-auth-algo"))
                + ",\"cert_url\":" + quote(headers.get("paypal-cert-url"))
                + ",\"transmission_id\":" + quote(headers.get("paypal-transmission-id"))
                + ",\"transmission_sig\":" + quote(headers.get("paypal-transmission-sig"))
                + ",\"transmission_time\":" + quote(headers.get("paypal-transmission-time"))
                + ",\"webhook_id\":" + quote(config.webhookId())
                + ",\"webhook_event\":" + rawBody + "}";
        java.util.Optional<String> refusal = call("/v1/notifications/verify-webhook-signature", null, body,
                failure -> java.util.Optional.of("PayPal could not verify: " + failure.code()),
                answer -> "SUCCESS".equals(answer.path("verification_status").asString(""))
                        ? java.util.Optional.<String>empty()
                        : java.util.Optional.of("PayPal says the signature is wrong"));
        if (refusal.isPresent()) {
            return new Inbound.Refused(refusal.get());
        }
        JsonNode resource = event.path("resource");
        String type = event.path("event_type").asString("");
        String reference = type.startsWith("CHECKOUT.ORDER.") ? resource.path("id").asString("")
                : resource.path("supplementary_data").path("related_ids").path("order_id").asString("");
        if (reference.isBlank() || event.path("id").asString("").isBlank()) {
            return new Inbound.Refused("event names no order");
        }
        return new Inbound.Verified(event.path("id").asString(), type, reference);
    }

    /** PayPal's return: {@code return_url?token=<order id>&PayerID=…} (only names the order). */
    @Override
    public Inbound returned(Map<String, String> query) {
        String order = query.get("token");
        return order == null || order.isBlank()
                ? new Inbound.Refused("missing token")
                : new Inbound.Verified(null, "return", order);
    }

    private static ProviderAction approval(JsonNode order) {
        for (JsonNode link : order.path("links")) {
            String rel = link.path("rel").asString("");
            if (rel.equals("payer-action") || rel.equals("approve")) {
                return new ProviderAction.Redirect(order.path("id").asString(), URI.create(link.path("href").asString()));
            }
        }
        return new ProviderAction.Refused(ProviderFailure.of(ProviderFailure.Kind.PROVIDER_ERROR, "no_approval_link",
                "order " + order.path("id").asString("") + " has no approval link"));
    }

    private static ProviderPaymentState captured(JsonNode order, PaymentLookup lookup) {
        JsonNode capture = firstCapture(order);
        String status = capture.path("status").asString("");
        return switch (status) {
            case "COMPLETED" -> {
                Money paid = money(capture.path("amount"));
                yield lookup.amount().equals(paid)
                        ? new ProviderPaymentState.Captured(paid, capture.path("id").asString())
                        : new ProviderPaymentState.Failed(PaymentFailureReason.VERIFICATION_FAILED,
                                "captured " + paid + " instead of " + lookup.amount());
            }
            case "PENDING" -> new ProviderPaymentState.Pending("capture PENDING");
            case "DECLINED", "FAILED" -> new ProviderPaymentState.Failed(PaymentFailureReason.DECLINED, status);
            case "REFUNDED" -> new ProviderPaymentState.Refunded(true);
            case "PARTIALLY_REFUNDED" -> new ProviderPaymentState.Refunded(false);
            default -> new ProviderPaymentState.Unknown(ProviderFailure.of(ProviderFailure.Kind.PROVIDER_ERROR,
                    "unknown_status", "capture status '" + status + "'"));
        };
    }

    private static JsonNode firstCapture(JsonNode order) {
        return order.path("purchase_units").path(0).path("payments").path("captures").path(0);
    }

    /**
     * One authorized call: POST with a JSON body (a map, or a string already JSON) or GET when the body is null;
     * {@code requestId} is sent as {@code PayPal-Request-Id}.
     */
    private <T> T call(String path, String requestId, Object body, Function<ProviderFailure, T> onFailure,
                       Function<JsonNode, T> onSuccess) {
        PayPalToken.Result access = token.get();
        if (access.failure() != null) {
            return onFailure.apply(access.failure());
        }
        HttpRequest.Builder request = http.request(URI.create(strip(config.baseUrl()) + path))
                .header("Authorization", "Bearer " + access.token());
        if (requestId != null) {
            request.header("PayPal-Request-Id", requestId);
        }
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").POST(body instanceof String text
                    ? HttpRequest.BodyPublishers.ofString(text) : http.jsonBody(body));
        }
        return switch (http.send(request.build())) {
            case ProviderHttp.Failed failed -> onFailure.apply(failed.failure());
            case ProviderHttp.Answer answer when answer.ok() -> onSuccess.apply(answer.body());
            case ProviderHttp.Answer answer -> onFailure.apply(failure(answer));
        };
    }

    /**
     * PayPal's error body: {@code {"name": "UNPROCESSABLE_ENTITY", "message": …, "debug_id": …, "details":
     * [{"issue": "INSTRUMENT_DECLINED", "description": …}]}}; the first issue is the code.
     */
    private static ProviderFailure failure(ProviderHttp.Answer answer) {
        JsonNode body = answer.body();
        JsonNode detail = body.path("details").path(0);
        String code = detail.path("issue").asString(body.path("name").asString("http_" + answer.status()));
        String message = detail.path("description").asString(body.path("message").asString(""));
        ProviderFailure.Kind kind = switch (answer.status()) {
            case 401, 403 -> ProviderFailure.Kind.UNAUTHORIZED;
            case 404 -> ProviderFailure.Kind.NOT_FOUND;
            case 400, 409, 422 -> ProviderFailure.Kind.REJECTED;
            default -> ProviderFailure.Kind.PROVIDER_ERROR;
        };
        return ProviderFailure.of(kind, code, message);
    }

    /** PayPal's amount object: the value as a decimal string with the currency's digits. */
    private static Map<String, String> amount(Money money) {
        int digits = Currency.getInstance(money.currency()).getDefaultFractionDigits();
        return Map.of("currency_code", money.currency(),
                "value", BigDecimal.valueOf(money.amountMinor(), Math.max(0, digits)).toPlainString());
    }

    private static Money money(JsonNode amount) {
        try {
            String currency = amount.path("currency_code").asString("");
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return new Money(new BigDecimal(amount.path("value").asString("")).movePointRight(Math.max(0, digits))
                    .longValueExact(), currency);
        } catch (IllegalArgumentException | ArithmeticException e) {
            return null;
        }
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
