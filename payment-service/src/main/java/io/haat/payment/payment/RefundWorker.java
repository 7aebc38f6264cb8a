package io.haat.payment.payment;

import io.haat.payment.provider.PaymentLookup;
import io.haat.payment.provider.PaymentProvider;
import io.haat.payment.provider.PaymentProviders;
import io.haat.payment.provider.RefundRequest;
import io.haat.payment.provider.RefundResult;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Carries out requested refunds: claims one (a lease, so no other worker asks meanwhile), asks its provider
 * outside any transaction — idempotently by the refund id, so a retry after a crash never refunds twice — and
 * hands the answer to {@link RefundCompletion}. A refund whose provider could not be reached stays requested
 * and is asked again by {@link #processDue()} (the payments job).
 */
@Component
public class RefundWorker {

    private static final Logger log = LoggerFactory.getLogger(RefundWorker.class);

    private final RefundRepository refunds;
    private final PaymentRepository payments;
    private final PaymentProviders providers;
    private final RefundCompletion completion;
    private final PaymentProperties properties;
    private final Clock clock;

    RefundWorker(RefundRepository refunds, PaymentRepository payments, PaymentProviders providers,
                 RefundCompletion completion, PaymentProperties properties, Clock clock) {
        this.refunds = refunds;
        this.payments = payments;
        this.providers = providers;
        this.completion = completion;
        this.properties = properties;
        this.clock = clock;
    }

    /** Asks the provider for each refund (those not due or already ended are left as they are). */
    public void process(List<String> refundIds) {
        for (String id : refundIds) {
            try {
                process(id);
            } catch (RuntimeException e) {
                // the refund stays requested: the payments job asks again
                log.warn("Refund {} failed; will retry", id, e);
            }
        }
    }

    /** The refund after this attempt. */
    public Refund process(String refundId) {
        Instant now = clock.instant();
        if (!refunds.claim(refundId, now, now.plus(properties.retryDelay()))) {
            return refunds.find(refundId).orElseThrow();
        }
        Refund refund = refunds.find(refundId).orElseThrow();
        Payment payment = payments.find(refund.paymentId()).orElseThrow();
        Optional<PaymentProvider> provider = providers.find(payment.provider());
        if (provider.isEmpty() || payment.providerReference() == null) {
            log.warn("Refund {}: provider {} is not available; will retry", refundId, payment.provider());
            return refund;
        }
        // a pending refund is looked up by the provider's refund id, never asked for again
        RefundResult result = refund.status() == Refund.Status.PENDING
                ? provider.get().refundState(refund.providerRefundId())
                : provider.get().refund(new RefundRequest(refund.providerKey(),
                        new PaymentLookup(payment.providerReference(), payment.merchantReference(), payment.amount()),
                        refund.amount(), refund.reason().name() + (refund.note() == null ? "" : ": " + refund.note())));
        return completion.complete(refundId, result);
    }

    /** Every requested refund that is due, batch by batch. */
    public int processDue() {
        int done = 0;
        List<String> due;
        do {
            due = refunds.due(clock.instant(), properties.batchSize());
            for (String id : due) {
                try {
                    if (!process(id).inFlight()) {
                        done++;
                    }
                } catch (RuntimeException e) {
                    log.warn("Refund {} failed; will retry", id, e);
                }
            }
        } while (due.size() == properties.batchSize() && done > 0);
        return done;
    }
}
