package io.haat.payment.payment;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code haat.payment.payments.*}.
 *
 * @param returnUrl the public address of {@code GET /payments/return} (through the gateway); the provider's name is
 *                  appended, the provider sends the customer there
 * @param frontendUrl where a returning customer is redirected, with {@code paymentId} and {@code status}
 * @param pendingTimeout how long a payment may stay pending before the job asks its provider
 * @param recheckInterval how often the job asks again about a payment still pending after that
 * @param giveUpAfter how long after {@code pendingTimeout} the job keeps asking before it fails the payment EXPIRED
 * @param jobInterval how often the jobs (pending payments, requested refunds) run
 * @param retryDelay the wait before a webhook whose payment is unknown yet, or a refund the provider could not
 *                   take, is tried again
 * @param beginGrace how long after opening a payment the job first looks at it if the provider's answer to
 *                   {@code begin} was never recorded (the service stopped in between); longer than any provider
 *                   call's timeout. A payment whose answer was recorded waits for {@code pendingTimeout}.
 * @param maxWebhookAttempts after this many tries a webhook naming no payment of ours is dropped (recorded)
 */
@ConfigurationProperties("haat.payment.payments")
public record PaymentProperties(URI returnUrl, URI frontendUrl,
                                @DefaultValue("15m") Duration pendingTimeout,
                                @DefaultValue("5m") Duration recheckInterval,
                                @DefaultValue("24h") Duration giveUpAfter,
                                @DefaultValue("30s") Duration jobInterval,
                                @DefaultValue("1m") Duration retryDelay,
                                @DefaultValue("10") int maxWebhookAttempts,
                                @DefaultValue("50") int batchSize,
                                @DefaultValue("1m") Duration beginGrace) {

    public PaymentProperties {
        if (returnUrl == null || frontendUrl == null) {
            throw new IllegalArgumentException("haat.payment.payments.return-url and frontend-url are required");
        }
    }
}
