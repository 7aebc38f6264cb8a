package io.haat.payment.provider.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import io.haat.events.Money;
import io.haat.events.payment.PaymentFailureReason;
import io.haat.payment.provider.Inbound;
import io.haat.payment.provider.PaymentLookup;
import io.haat.payment.provider.PaymentProvider;
import io.haat.payment.provider.PaymentRequest;
import io.haat.payment.provider.ProviderAction;
import io.haat.payment.provider.ProviderFailure;
import io.haat.payment.provider.ProviderPaymentState;
import io.haat.payment.provider.ProviderProperties;
import io.haat.payment.provider.RefundRequest;
import io.haat.payment.provider.RefundResult;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe PaymentIntents through {@code stripe-java}: create (with {@code Idempotency-Key}) answers the client
 * secret the frontend confirms with; a retrieve tells the state; refunds are keyed by the refund id.
 * Webhooks are verified with Stripe's scheme ({@code Stripe-Signature: t=…,v1=…}, HMAC-SHA256 of
 * {@code t.payload}, timestamp tolerance), using the service's {@link Clock}. Amounts are Stripe's "smallest
 * currency unit", which is the ISO minor unit {@link Money} holds for the currencies the marketplace sells in.
 */
public final class StripeProvider implements PaymentProvider {

    public static final String SIGNATURE_HEADER = "stripe-signature";

    private final ProviderProperties.Stripe config;
    private final StripeClient client;
    private final Clock clock;
    private final JsonMapper json;

    public StripeProvider(ProviderProperties.Stripe config, Duration connectTimeout, Duration readTimeout,
                          Clock clock, JsonMapper json) {
        this.config = config;
        this.clock = clock;
        this.json = json;
        this.client = config.configured()
                ? StripeClient.builder().setApiKey(config.secretKey()).setApiBase(config.baseUrl())
                        .setConnectTimeout(millis(connectTimeout)).setReadTimeout(millis(readTimeout))
                        // retries are the caller's, with the same idempotency key
                        .setMaxNetworkRetries(0).build()
                : null;
    }

    @Override
    public io.haat.events.payment.PaymentProvider kind() {
        return io.haat.events.payment.PaymentProvider.STRIPE;
    }

    @Override
    public boolean available() {
        return client != null;
    }

    @Override
    public ProviderAction begin(PaymentRequest request) {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(request.amount().amountMinor())
                .setCurrency(request.amount().currency().toLowerCase(Locale.ROOT))
                .setDescription(request.description())
                .putMetadata("order_id", request.orderId().toString())
                .putMetadata("payment_id", request.paymentId().toString())
                .putMetadata("attempt", Integer.toString(request.attempt()))
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                        .setEnabled(true).build())
                .build();
        try {
            PaymentIntent intent = client.v1().paymentIntents().create(params, idempotent(request.idempotencyKey()));
            if (intent.getId() == null || intent.getClientSecret() == null) {
                return new ProviderAction.Refused(ProviderFailure.of(ProviderFailure.Kind.PROVIDER_ERROR,
                        "unreadable", "PaymentIntent without id or client_secret"));
            }
            return new ProviderAction.ClientSecret(intent.getId(), intent.getClientSecret());
        } catch (StripeException e) {
            return new ProviderAction.Refused(failure(e));
        }
    }

    @Override
    public ProviderPaymentState confirm(PaymentLookup lookup) {
        try {
            return state(client.v1().paymentIntents().retrieve(lookup.providerReference()), lookup);
        } catch (StripeException e) {
            return new ProviderPaymentState.Unknown(failure(e));
        }
    }

    @Override
    public RefundResult refund(RefundRequest request) {
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(request.payment().providerReference())
                .setAmount(request.amount().amountMinor())
                .putMetadata("refund_id", request.refundId().toString())
                .build();
        try {
            Refund refund = client.v1().refunds().create(params, idempotent("refund:" + request.refundId()));
            return switch (String.valueOf(refund.getStatus())) {
                case "succeeded" -> new RefundResult.Refunded(refund.getId());
                case "pending", "requires_action" -> new RefundResult.Pending(refund.getId());
                default -> new RefundResult.Refused(ProviderFailure.of(ProviderFailure.Kind.REJECTED,
                        refund.getFailureReason(), "refund " + refund.getStatus()));
            };
        } catch (StripeException e) {
            return new RefundResult.Refused(failure(e));
        }
    }

    @Override
    public RefundResult refundState(String providerRefundId) {
        try {
            Refund refund = client.v1().refunds().retrieve(providerRefundId);
            return switch (String.valueOf(refund.getStatus())) {
                case "succeeded" -> new RefundResult.Refunded(refund.getId());
                case "failed", "canceled" -> new RefundResult.Refused(ProviderFailure.of(ProviderFailure.Kind.REJECTED,
                        refund.getFailureReason(), "refund " + refund.getStatus()));
                default -> new RefundResult.Pending(providerRefundId);
            };
        } catch (StripeException | RuntimeException e) {
            // could not ask (the SDK also fails on an unreadable error body): still pending, ask again later
            return new RefundResult.Pending(providerRefundId);
        }
    }

    @Override
    public Inbound verifyWebhook(Map<String, String> headers, String rawBody) {
        String signature = headers.get(SIGNATURE_HEADER);
        if (signature == null || signature.isBlank()) {
            return new Inbound.Refused("missing Stripe-Signature");
        }
        Event event;
        try {
            event = Webhook.constructEvent(rawBody, signature, config.webhookSecret(),
                    config.webhookTolerance().toSeconds(), clock);
        } catch (SignatureVerificationException e) {
            return new Inbound.Refused(e.getMessage());
        } catch (RuntimeException e) {           // a signed body that is not an event (gson's JsonSyntaxException)
            return new Inbound.Refused("body is not a Stripe event");
        }
        // The typed data object depends on the API version; the id is all we need, read from the raw body.
        JsonNode object = readTree(rawBody).path("data").path("object");
        String reference = "payment_intent".equals(object.path("object").asString(""))
                ? object.path("id").asString("")
                : object.path("payment_intent").asString("");
        if (event.getId() == null || event.getType() == null || reference.isBlank()) {
            return new Inbound.Refused("event names no PaymentIntent");
        }
        return new Inbound.Verified(event.getId(), event.getType(), reference);
    }

    /** Stripe's return: {@code return_url?payment_intent=pi_…&redirect_status=…} (the status is not trusted). */
    @Override
    public Inbound returned(Map<String, String> query) {
        String intent = query.get("payment_intent");
        return intent == null || intent.isBlank()
                ? new Inbound.Refused("missing payment_intent")
                : new Inbound.Verified(null, query.getOrDefault("redirect_status", "return"), intent);
    }

    private static ProviderPaymentState state(PaymentIntent intent, PaymentLookup lookup) {
        String status = String.valueOf(intent.getStatus());
        return switch (status) {
            case "succeeded" -> {
                Money received = intent.getAmountReceived() == null || intent.getCurrency() == null ? null
                        : new Money(intent.getAmountReceived(), intent.getCurrency().toUpperCase(Locale.ROOT));
                yield lookup.amount().equals(received)
                        ? new ProviderPaymentState.Captured(received, intent.getLatestCharge())
                        : new ProviderPaymentState.Failed(PaymentFailureReason.VERIFICATION_FAILED,
                                "succeeded with " + received + " instead of " + lookup.amount());
            }
            case "requires_payment_method", "requires_confirmation", "requires_action", "processing",
                 "requires_capture" -> new ProviderPaymentState.Pending(status);
            case "canceled" -> new ProviderPaymentState.Failed("abandoned".equals(intent.getCancellationReason())
                    ? PaymentFailureReason.CANCELLED_BY_CUSTOMER : PaymentFailureReason.EXPIRED, status);
            default -> new ProviderPaymentState.Unknown(ProviderFailure.of(ProviderFailure.Kind.PROVIDER_ERROR,
                    "unknown_status", "PaymentIntent status '" + status + "'"));
        };
    }

    /**
     * Stripe's error body {@code {"error": {"type", "code", "message", …}}} arrives as a typed exception with
     * the HTTP status; no answer at all is an {@link ApiConnectionException}.
     */
    private static ProviderFailure failure(StripeException e) {
        String code = e.getCode() != null ? e.getCode()
                : e.getStripeError() != null && e.getStripeError().getType() != null ? e.getStripeError().getType()
                : "stripe_error";
        String message = e.getStripeError() != null && e.getStripeError().getMessage() != null
                ? e.getStripeError().getMessage() : e.getMessage();
        if (e instanceof ApiConnectionException) {
            return ProviderFailure.of(ProviderFailure.Kind.UNREACHABLE, "api_connection_error", message);
        }
        if (e instanceof AuthenticationException || e instanceof PermissionException) {
            return ProviderFailure.of(ProviderFailure.Kind.UNAUTHORIZED, code, message);
        }
        int status = e.getStatusCode() == null ? 0 : e.getStatusCode();
        if (status == 404) {
            return ProviderFailure.of(ProviderFailure.Kind.NOT_FOUND, code, message);
        }
        if (status >= 400 && status < 500 && status != 429) {
            return ProviderFailure.of(ProviderFailure.Kind.REJECTED, code, message);
        }
        return ProviderFailure.of(ProviderFailure.Kind.PROVIDER_ERROR, code, message);
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    private JsonNode readTree(String rawBody) {
        try {
            return json.readTree(rawBody);
        } catch (tools.jackson.core.JacksonException e) {
            return json.missingNode();
        }
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
