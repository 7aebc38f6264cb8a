package io.haat.payment.payment;

import io.haat.events.Money;
import io.haat.events.payment.PaymentFailureReason;
import io.haat.events.payment.PaymentStatus;
import io.haat.events.payment.RefundReason;
import io.haat.payment.ledger.CommissionPolicy;
import io.haat.payment.ledger.Ledger;
import io.haat.payment.order.OrderCopies;
import io.haat.payment.order.OrderCopy;
import io.haat.payment.provider.ProviderAction;
import io.haat.payment.provider.ProviderPaymentState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies what a provider said to a payment, each in one transaction (the provider is asked before, outside it):
 * the payment's transition, its event through the outbox and, on capture, the ledger posting. A capture on a
 * cancelled order, or beyond the order's total, also records the automatic refund the contract asks for; the
 * caller has {@link RefundWorker} carry it out after the commit.
 *
 * <p>Locks: the order's copy first, then the payment — the same order as {@code POST /payments} and the
 * cancellation, so two of them never wait on each other crosswise.
 */
@Service
public class PaymentSettlement {

    private final OrderCopies copies;
    private final PaymentRepository payments;
    private final PaymentEvents events;
    private final RefundRequests refunds;
    private final Ledger ledger;
    private final CommissionPolicy commission;
    private final Clock clock;

    public PaymentSettlement(OrderCopies copies, PaymentRepository payments, PaymentEvents events,
                             RefundRequests refunds, Ledger ledger, CommissionPolicy commission, Clock clock) {
        this.copies = copies;
        this.payments = payments;
        this.events = events;
        this.refunds = refunds;
        this.ledger = ledger;
        this.commission = commission;
        this.clock = clock;
    }

    /** The payment after a change, and the refunds the change asked for (to carry out after the commit). */
    public record Settled(Payment payment, List<String> refundIds) {
    }

    /**
     * What {@code begin} answered: the provider's reference, and the state when it decided at once. A payment still
     * open once its answer is recorded waits for its customer until {@code settleBy} before the job asks the provider
     * (until then it was looked at soon, in case the answer was lost: {@link PaymentStarts#open}).
     */
    @Transactional
    public Settled begun(UUID paymentId, ProviderAction action) {
        Settled settled = recordBegun(paymentId, action);
        if (settled.payment().open()) {
            payments.nextCheck(paymentId, settled.payment().settleBy());
        }
        return settled;
    }

    private Settled recordBegun(UUID paymentId, ProviderAction action) {
        Locked locked = lock(paymentId);
        Payment payment = locked.payment();
        if (action.reference() != null && payment.providerReference() == null) {
            Payment referenced = payment.withReference(action.reference());
            payments.save(payment, referenced, clock.instant());
            payment = referenced;
        }
        return switch (action) {
            case ProviderAction.Done done -> settle(locked.copy(), payment, done.state());
            case ProviderAction.Refused refused -> new Settled(events.apply(payment, payment.fail(
                    refused.failure().kind().reason(), refused.failure().code() + ": " + refused.failure().message(),
                    clock.instant())), List.of());
            case ProviderAction.ClientSecret ignored -> new Settled(payment, List.of());
            case ProviderAction.Redirect ignored -> new Settled(payment, List.of());
            case ProviderAction.FormPost ignored -> new Settled(payment, List.of());
        };
    }

    /** The state the provider's look-up reported. */
    @Transactional
    public Settled apply(UUID paymentId, ProviderPaymentState state) {
        Locked locked = lock(paymentId);
        return settle(locked.copy(), locked.payment(), state);
    }

    /** Still pending after the job asked until its cut-off: failed EXPIRED. */
    @Transactional
    public Settled expire(UUID paymentId, String why) {
        Locked locked = lock(paymentId);
        return new Settled(events.apply(locked.payment(),
                locked.payment().fail(PaymentFailureReason.EXPIRED, why, clock.instant())), List.of());
    }

    private Settled settle(OrderCopy copy, Payment payment, ProviderPaymentState state) {
        return switch (state) {
            case ProviderPaymentState.Captured captured -> capture(copy, payment, captured.amount());
            case ProviderPaymentState.Failed failed -> new Settled(events.apply(payment,
                    payment.fail(failed.reason(), failed.providerStatus(), clock.instant())), List.of());
            case ProviderPaymentState.Accepted ignored ->
                    new Settled(events.apply(payment, payment.accept(clock.instant())), List.of());
            // not decided yet, could not ask, or refunded outside Haat (nothing of ours to apply): ask again later
            case ProviderPaymentState.Pending ignored -> new Settled(payment, List.of());
            case ProviderPaymentState.Unknown ignored -> new Settled(payment, List.of());
            case ProviderPaymentState.Refunded ignored -> new Settled(payment, List.of());
        };
    }

    private Settled capture(OrderCopy copy, Payment before, Money amount) {
        var transition = before.capture(amount, clock.instant());
        Payment after = events.apply(before, transition);
        if (!transition.changed()) {
            return new Settled(after, List.of());
        }
        ledger.postCapture(after.id().toString(), after.orderId(), amount, copy.sellerOrders(),
                commission.ratesAt(copy.placedAt(), copy.sellerOrders()));
        List<String> asked = new ArrayList<>();
        if (copy.cancelled()) {
            refunds.request("late:" + after.id(), after, null, RefundReason.LATE_CAPTURE, "captured after the order "
                    + "was cancelled").ifPresent(asked::add);
        } else {
            long held = payments.ofOrder(after.orderId()).stream()
                    .filter(p -> p.captured() || p.status() == PaymentStatus.COD_ACCEPTED)
                    .mapToLong(Payment::holdsMinor).sum();
            long over = held - copy.total().amountMinor();
            if (over > 0) {
                refunds.request("over:" + after.id(), after,
                        new Money(Math.min(over, after.capturedMinor()), amount.currency()), RefundReason.OVERPAYMENT,
                        "captured beyond the order's total").ifPresent(asked::add);
            }
        }
        return new Settled(after, List.copyOf(asked));
    }

    private record Locked(OrderCopy copy, Payment payment) {
    }

    private Locked lock(UUID paymentId) {
        Payment unlocked = payments.find(paymentId).orElseThrow(() -> PaymentQueries.notFound(paymentId));
        OrderCopy copy = copies.lock(unlocked.orderId())
                .orElseThrow(() -> new IllegalStateException("payment " + paymentId + " of an order without copy"));
        return new Locked(copy, payments.lock(paymentId).orElseThrow());
    }
}
