package io.haat.payment.provider.sandbox;

import io.haat.events.Money;
import io.haat.events.payment.PaymentFailureReason;
import io.haat.payment.provider.Hmac;
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
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The built-in provider for local runs and tests: no network, and the outcome follows the amount's last two
 * digits (in minor units), so a test or a person at {@code ./run.sh} picks it:
 * <ul>
 *   <li>{@code …13} → declined at once (FAILED, DECLINED);</li>
 *   <li>{@code …77} → pending; a look-up at least {@code settle-after} after it began reports it captured;</li>
 *   <li>anything else → captured at once.</li>
 * </ul>
 * Refunds of an amount ending in 13 are refused, others succeed. Its reference carries the amount and start
 * time, signed with the webhook secret, so the sandbox needs no state and cannot be fooled into another
 * amount. Its webhooks are signed like Stripe's: {@code Haat-Sandbox-Signature: t=<epoch seconds>,v1=<hex
 * HMAC-SHA256 of "t.body">}, refused outside {@code webhook-tolerance} of now; the body is
 * {@code {"id": …, "type": …, "reference": …}}.
 */
public final class SandboxProvider implements PaymentProvider {

    public static final String SIGNATURE_HEADER = "haat-sandbox-signature";

    private final ProviderProperties.Sandbox config;
    private final Clock clock;
    private final JsonMapper json;

    public SandboxProvider(ProviderProperties.Sandbox config, Clock clock, JsonMapper json) {
        this.config = config;
        this.clock = clock;
        this.json = json;
    }

    @Override
    public io.haat.events.payment.PaymentProvider kind() {
        return io.haat.events.payment.PaymentProvider.SANDBOX;
    }

    @Override
    public boolean available() {
        return config.configured();
    }

    @Override
    public ProviderAction begin(PaymentRequest request) {
        Instant now = clock.instant();
        String reference = reference(request.merchantReference(), request.amount(), now);
        return new ProviderAction.Done(reference, stateAt(request.amount(), now, now));
    }

    /**
     * The sandbox keeps nothing: a payment's state follows from its amount and start (the signed reference carries
     * both), so a lost answer is found again by computing it from the merchant reference and the payment's start,
     * as a real provider's look-up by merchant reference would find the payment it stored.
     */
    @Override
    public Optional<ProviderAction> lostBegin(String merchantReference, Money amount, Instant startedAt) {
        return Optional.of(new ProviderAction.Done(reference(merchantReference, amount, startedAt),
                stateAt(amount, startedAt, clock.instant())));
    }

    @Override
    public ProviderPaymentState confirm(PaymentLookup lookup) {
        Optional<SandboxReference> parsed = SandboxReference.parse(lookup.providerReference())
                .filter(ref -> Hmac.same(sign(ref.unsigned()), ref.signature()));
        if (parsed.isEmpty()) {
            return new ProviderPaymentState.Unknown(ProviderFailure.of(ProviderFailure.Kind.NOT_FOUND,
                    "unknown_reference", "not a sandbox reference"));
        }
        SandboxReference ref = parsed.get();
        if (!ref.amount().equals(lookup.amount()) || !ref.merchantReference().equals(lookup.merchantReference())) {
            return new ProviderPaymentState.Failed(PaymentFailureReason.VERIFICATION_FAILED, "mismatch");
        }
        return stateAt(ref.amount(), ref.startedAt(), clock.instant());
    }

    @Override
    public RefundResult refund(RefundRequest request) {
        if (outcome(request.amount()) == 13) {
            return new RefundResult.Refused(ProviderFailure.of(ProviderFailure.Kind.REJECTED, "refund_declined",
                    "sandbox refuses refunds of amounts ending in 13"));
        }
        return new RefundResult.Refunded("sandbox-refund-" + request.refundId());
    }

    @Override
    public Inbound verifyWebhook(Map<String, String> headers, String rawBody) {
        String header = headers.get(SIGNATURE_HEADER);
        if (header == null) {
            return new Inbound.Refused("missing " + SIGNATURE_HEADER);
        }
        String timestamp = null;
        String signature = null;
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                timestamp = pair[1];
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                signature = pair[1];
            }
        }
        if (timestamp == null || signature == null || !timestamp.matches("\\d{1,12}")) {
            return new Inbound.Refused("malformed " + SIGNATURE_HEADER);
        }
        if (!Hmac.same(Hmac.sha256Hex(config.webhookSecret(), timestamp + "." + rawBody), signature)) {
            return new Inbound.Refused("signature does not match");
        }
        Duration age = Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), clock.instant()).abs();
        if (age.compareTo(config.webhookTolerance()) > 0) {
            return new Inbound.Refused("timestamp outside the tolerance of " + config.webhookTolerance());
        }
        JsonNode body = parse(rawBody);
        String id = body.path("id").asString("");
        String type = body.path("type").asString("");
        String reference = body.path("reference").asString("");
        if (id.isBlank() || type.isBlank() || reference.isBlank()) {
            return new Inbound.Refused("body lacks id, type or reference");
        }
        return new Inbound.Verified(id, type, reference);
    }

    @Override
    public Inbound returned(Map<String, String> query) {
        String reference = query.get("reference");
        return reference == null || reference.isBlank()
                ? new Inbound.Refused("missing reference")
                : new Inbound.Verified(null, "return", reference);
    }

    /**
     * The header value that signs {@code rawBody} at {@code at}: what the sandbox's own webhook sender and the
     * tests put in {@value #SIGNATURE_HEADER}.
     */
    public String signatureHeader(String rawBody, Instant at) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + Hmac.sha256Hex(config.webhookSecret(), t + "." + rawBody);
    }

    private ProviderPaymentState stateAt(Money amount, Instant startedAt, Instant now) {
        return switch (outcome(amount)) {
            case 13 -> new ProviderPaymentState.Failed(PaymentFailureReason.DECLINED, "declined");
            case 77 -> now.isBefore(startedAt.plus(config.settleAfter()))
                    ? new ProviderPaymentState.Pending("processing")
                    : new ProviderPaymentState.Captured(amount, "sandbox-" + startedAt.toEpochMilli());
            default -> new ProviderPaymentState.Captured(amount, "sandbox-" + startedAt.toEpochMilli());
        };
    }

    private static int outcome(Money amount) {
        return (int) (amount.amountMinor() % 100);
    }

    private String reference(String merchantReference, Money amount, Instant startedAt) {
        String unsigned = SandboxReference.unsigned(merchantReference, amount, startedAt);
        return unsigned + "." + sign(unsigned);
    }

    private String sign(String unsigned) {
        return Hmac.sha256Hex(config.webhookSecret(), "reference:" + unsigned);
    }

    private JsonNode parse(String rawBody) {
        try {
            return json.readTree(rawBody);
        } catch (tools.jackson.core.JacksonException e) {
            return json.missingNode();
        }
    }
}
