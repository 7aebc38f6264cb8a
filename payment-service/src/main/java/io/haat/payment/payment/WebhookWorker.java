package io.haat.payment.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles stored webhook notifications after the provider got its 200: for each, the payment it names is
 * confirmed with the provider and the state applied ({@link PaymentConfirmations}). Woken by each new
 * notification (one background thread), and polled as a backstop. A notification naming a payment we do not know
 * (yet: the webhook may beat {@code begin}'s answer) is tried again later, up to a limit.
 */
@Component
public class WebhookWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookWorker.class);

    private final WebhookInbox inbox;
    private final PaymentRepository payments;
    private final PaymentConfirmations confirmations;
    private final PaymentProperties properties;
    private final Clock clock;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("webhook-worker").daemon().factory());
    private final AtomicBoolean queued = new AtomicBoolean();

    WebhookWorker(WebhookInbox inbox, PaymentRepository payments, PaymentConfirmations confirmations,
                  PaymentProperties properties, Clock clock) {
        this.inbox = inbox;
        this.payments = payments;
        this.confirmations = confirmations;
        this.properties = properties;
        this.clock = clock;
    }

    /** Settles what is due on the background thread, soon (once, however many wake it meanwhile). */
    public void wake() {
        if (queued.compareAndSet(false, true)) {
            thread.execute(() -> {
                queued.set(false);
                poll();
            });
        }
    }

    @Scheduled(fixedDelayString = "${haat.payment.payments.job-interval:30s}",
            initialDelayString = "${haat.payment.payments.job-interval:30s}")
    public void poll() {
        try {
            processDue();
        } catch (RuntimeException e) {
            log.warn("Settling webhooks failed; will retry", e);
        }
    }

    /** Settles every due notification, batch by batch; returns how many were settled. */
    public int processDue() {
        int settled = 0;
        List<WebhookInbox.Notification> batch;
        do {
            Instant now = clock.instant();
            batch = inbox.claimDue(now, now.plus(properties.retryDelay()), properties.batchSize());
            for (WebhookInbox.Notification notification : batch) {
                if (settle(notification)) {
                    settled++;
                }
            }
        } while (batch.size() == properties.batchSize());
        return settled;
    }

    private boolean settle(WebhookInbox.Notification notification) {
        Instant now = clock.instant();
        try {
            var payment = payments.findByReference(notification.provider(), notification.reference());
            if (payment.isEmpty()) {
                if (notification.attempts() >= properties.maxWebhookAttempts()) {
                    inbox.processed(notification.id(), "no payment with this reference", now);
                } else {
                    inbox.retryAt(notification.id(), "no payment with this reference yet",
                            now.plus(properties.retryDelay()));
                }
                return false;
            }
            Payment after = confirmations.confirm(payment.get());
            inbox.processed(notification.id(), after.status().name(), clock.instant());
            return true;
        } catch (RuntimeException e) {
            log.warn("Webhook {} of {} failed; will retry", notification.id(), notification.provider(), e);
            inbox.retryAt(notification.id(), e.getClass().getSimpleName(), now.plus(properties.retryDelay()));
            return false;
        }
    }

    @Override
    public void destroy() {
        thread.shutdownNow();
    }
}
