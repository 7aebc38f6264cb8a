package io.haat.payment.payment;

import io.haat.payment.provider.PaymentProviders;
import io.haat.payment.provider.ProviderAction;
import io.haat.payment.provider.ProviderFailure;
import io.haat.payment.provider.ProviderPaymentState;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The webhook may never come: payments still pending past their {@code settleBy} are confirmed with their provider
 * (captured or failed as it says); one still undecided is asked again every {@code recheck-interval} until
 * {@code give-up-after} has passed too, then failed EXPIRED. Also carries out refunds that are still requested
 * (the provider was unreachable, or the service stopped between recording and asking). Runs on every instance:
 * payments are claimed with {@code SKIP LOCKED} and a lease.
 */
@Component
public class PendingPaymentsJob {

    private static final Logger log = LoggerFactory.getLogger(PendingPaymentsJob.class);

    private final PaymentRepository payments;
    private final PaymentConfirmations confirmations;
    private final PaymentSettlement settlement;
    private final RefundWorker refunds;
    private final PaymentProperties properties;
    private final PaymentProviders providers;
    private final Clock clock;

    PendingPaymentsJob(PaymentRepository payments, PaymentConfirmations confirmations, PaymentSettlement settlement,
                       RefundWorker refunds, PaymentProperties properties, PaymentProviders providers, Clock clock) {
        this.providers = providers;
        this.payments = payments;
        this.confirmations = confirmations;
        this.settlement = settlement;
        this.refunds = refunds;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${haat.payment.payments.job-interval:30s}",
            initialDelayString = "${haat.payment.payments.job-interval:30s}")
    public void run() {
        try {
            checkDue();
            refunds.processDue();
        } catch (RuntimeException e) {
            log.warn("Settling pending payments failed; will retry", e);
        }
    }

    /** Asks about every pending payment that is due; returns how many were decided (captured or failed). */
    public int checkDue() {
        int decided = 0;
        List<UUID> due;
        do {
            Instant now = clock.instant();
            due = payments.claimDueChecks(now, now.plus(properties.recheckInterval()), properties.batchSize());
            for (UUID id : due) {
                try {
                    if (check(id, now)) {
                        decided++;
                    }
                } catch (RuntimeException e) {
                    log.warn("Checking pending payment {} failed; will retry", id, e);
                }
            }
        } while (due.size() == properties.batchSize());
        return decided;
    }

    private boolean check(UUID id, Instant now) {
        Payment payment = payments.find(id).orElseThrow();
        if (payment.providerReference() == null) {
            // begun, but the provider's answer was never recorded (the service stopped in between), so the customer
            // never saw it either: look it up; a provider that cannot find it without its reference only moves money
            // on the customer's action (redirect, client secret), which this payment can no longer get: failed
            ProviderAction found = providers.find(payment.provider()).flatMap(provider ->
                    provider.lostBegin(payment.merchantReference(), payment.amount(), payment.createdAt()))
                    .orElseGet(() -> new ProviderAction.Refused(ProviderFailure.of(ProviderFailure.Kind.PROVIDER_ERROR,
                            "begin_lost", "the provider's answer was lost before the customer saw it")));
            log.info("Payment {}: the answer to its begin was lost; {} says {}", id, payment.provider(),
                    found.getClass().getSimpleName());
            PaymentSettlement.Settled settled = settlement.begun(id, found);
            refunds.process(settled.refundIds());
            return !settled.payment().open();
        }
        Optional<ProviderPaymentState> state = confirmations.ask(payment);
        boolean undecided = state.isEmpty() || state.get() instanceof ProviderPaymentState.Pending
                || state.get() instanceof ProviderPaymentState.Unknown;
        if (!undecided) {
            return !confirmations.apply(payment, state.get()).open();
        }
        if (!now.isBefore(payment.settleBy().plus(properties.giveUpAfter()))) {
            settlement.expire(id, "still pending at " + payment.provider() + " after " + properties.giveUpAfter()
                    + " of asking");
            return true;
        }
        return false;
    }
}
