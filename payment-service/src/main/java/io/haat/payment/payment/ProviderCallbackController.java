package io.haat.payment.payment;

import io.haat.events.payment.PaymentProvider;
import io.haat.payment.provider.Inbound;
import io.haat.payment.provider.PaymentProviders;
import io.haat.platform.web.BadRequestException;
import io.haat.platform.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What providers send (public at the gateway and here: {@code haat.security.public-paths}). Nothing is read or
 * stored before the provider's signature is verified; a refused one is 400 and changes nothing.
 *
 * <ul>
 *   <li>{@code POST /webhooks/{provider}}: the verified notification is stored in the inbox (a duplicate event id
 *   is dropped) and answered 200 at once; {@link WebhookWorker} settles it afterwards.</li>
 *   <li>{@code GET /payments/return/{provider}}: the customer's browser back from the provider's page; verified,
 *   confirmed with the provider (the query is never trusted), then redirected (302) to the frontend with the
 *   payment id and status.</li>
 * </ul>
 */
@RestController
public class ProviderCallbackController {

    private final PaymentProviders providers;
    private final WebhookInbox inbox;
    private final WebhookWorker worker;
    private final PaymentRepository payments;
    private final PaymentConfirmations confirmations;
    private final PaymentProperties properties;
    private final Clock clock;

    public ProviderCallbackController(PaymentProviders providers, WebhookInbox inbox, WebhookWorker worker,
                                      PaymentRepository payments, PaymentConfirmations confirmations,
                                      PaymentProperties properties, Clock clock) {
        this.providers = providers;
        this.inbox = inbox;
        this.worker = worker;
        this.payments = payments;
        this.confirmations = confirmations;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a webhook gets back: stored now, or a duplicate of one stored before. */
    public record Received(boolean received, boolean duplicate) {
    }

    @PostMapping("/webhooks/{provider}")
    public Received webhook(@PathVariable String provider, @RequestBody(required = false) String body,
                            HttpServletRequest request) {
        var kind = provider(provider);
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        Inbound inbound = providers.find(kind).orElseThrow(() -> unknownProvider(provider))
                .verifyWebhook(headers, body == null ? "" : body);
        Inbound.Verified verified = verified(inbound);
        boolean stored = inbox.store(kind, verified, clock.instant());
        if (stored) {
            worker.wake();
        }
        return new Received(true, !stored);
    }

    @GetMapping("/payments/return/{provider}")
    public ResponseEntity<Void> returned(@PathVariable String provider, @RequestParam Map<String, String> query) {
        var kind = provider(provider);
        Inbound.Verified verified = verified(providers.find(kind).orElseThrow(() -> unknownProvider(provider))
                .returned(query));
        Payment payment = payments.findByReference(kind, verified.reference())
                .orElseThrow(() -> new NotFoundException("payment-not-found", "Payment not found",
                        "No " + kind + " payment has this reference."));
        Payment after = confirmations.confirm(payment);
        URI target = UriComponentsBuilder.fromUri(properties.frontendUrl())
                .queryParam("paymentId", after.id()).queryParam("status", after.status().name()).build().toUri();
        return ResponseEntity.status(HttpStatus.FOUND).location(target).build();
    }

    private static Inbound.Verified verified(Inbound inbound) {
        return switch (inbound) {
            case Inbound.Verified verified -> verified;
            case Inbound.Refused refused -> throw new BadRequestException("provider-signature-refused",
                    "Provider message refused", "The message could not be verified: " + refused.why());
        };
    }

    private static PaymentProvider provider(String name) {
        try {
            return PaymentService.parseProvider(name, "provider");
        } catch (RuntimeException e) {
            throw unknownProvider(name);
        }
    }

    private static NotFoundException unknownProvider(String name) {
        return new NotFoundException("provider-not-found", "Payment provider not found",
                "No available payment provider '" + name + "'.");
    }
}
