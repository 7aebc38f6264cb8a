package io.haat.payment.payment;

import io.haat.events.orders.SellerOrderTotals;
import io.haat.payment.ledger.Ledger;
import io.haat.payment.ledger.SellerOrderPosition;
import io.haat.payment.order.OrderCopies;
import io.haat.payment.order.OrderCopy;
import io.haat.payment.provider.ProviderFailure;
import io.haat.payment.provider.RefundResult;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the provider answered a refund, applied once in one transaction: the refund ends (a conditional UPDATE:
 * only the first answer counts), the payment becomes PARTIALLY_REFUNDED or REFUNDED with {@code PaymentRefunded}
 * through the outbox, and the ledger posts the refund split as {@link RefundSplit} takes it.
 */
@Service
class RefundCompletion {

    private final RefundRepository refunds;
    private final PaymentRepository payments;
    private final OrderCopies copies;
    private final PaymentEvents events;
    private final Ledger ledger;
    private final PaymentProperties properties;
    private final Clock clock;

    RefundCompletion(RefundRepository refunds, PaymentRepository payments, OrderCopies copies, PaymentEvents events,
                     Ledger ledger, PaymentProperties properties, Clock clock) {
        this.properties = properties;
        this.refunds = refunds;
        this.payments = payments;
        this.copies = copies;
        this.events = events;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    public Refund complete(String refundId, RefundResult result) {
        Refund refund = refunds.find(refundId).orElseThrow();
        if (!refund.inFlight()) {
            return refund;
        }
        OrderCopy copy = copies.lock(refund.orderId()).orElseThrow();
        Payment payment = payments.lock(refund.paymentId()).orElseThrow();
        switch (result) {
            case RefundResult.Refunded refunded -> done(refund, copy, payment, Refund.Status.REFUNDED,
                    refunded.providerRefundId());
            // accepted by the provider, settled by it later: not refunded yet (no event, no ledger), held back from
            // other refunds; the payments job asks the provider again until it is settled or failed
            case RefundResult.Pending pending -> refunds.pending(refund.id(), pending.providerRefundId() != null
                    ? pending.providerRefundId() : refund.providerRefundId(),
                    clock.instant().plus(properties.retryDelay()));
            case RefundResult.Manual manual -> done(refund, copy, payment, Refund.Status.MANUAL, null);
            case RefundResult.Refused refused -> refused(refund, refused.failure());
        }
        return refunds.find(refundId).orElseThrow();
    }

    private void done(Refund refund, OrderCopy copy, Payment payment, Refund.Status status, String providerRefundId) {
        if (!refunds.complete(refund.id(), status, providerRefundId, null, clock.instant())) {
            return;
        }
        Ledger.Refundable refundable = ledger.refundable(refund.orderId(),
                copy.sellerOrders().stream().map(SellerOrderTotals::sellerOrderId).toList(),
                refund.amount().currency());
        RefundSplit split = split(refund, copy, refundable);
        events.apply(payment, payment.refund(refund.id(), refund.amount(), split.sellerOrders(),
                split.customerCredit(), refund.reason(), clock.instant(), refund.requestId()));
        ledger.postRefund(refund.id(), refund.orderId(), split.sellerOrders(), split.customerCredit(),
                refund.reason());
    }

    /**
     * A seller order's cancellation is taken from that seller order alone; any other refund from the whole order.
     * The money is already back with the customer here, so if the seller order no longer holds enough (another
     * refund took from it meanwhile) the refund is split over the whole order rather than left unrecorded.
     */
    private static RefundSplit split(Refund refund, OrderCopy copy, Ledger.Refundable refundable) {
        if (refund.sellerOrderId() != null) {
            var target = copy.sellerOrders().stream()
                    .filter(so -> so.sellerOrderId().equals(refund.sellerOrderId())).toList();
            long held = refundable.positions().getOrDefault(refund.sellerOrderId(),
                    SellerOrderPosition.NONE).netCaptured();
            if (!target.isEmpty() && held >= refund.amount().amountMinor()) {
                return RefundSplit.of(refund.amount(), target, refundable.positions(), 0);
            }
        }
        return RefundSplit.of(refund.amount(), copy.sellerOrders(), refundable.positions(),
                refundable.customerCreditMinor());
    }

    private void refused(Refund refund, ProviderFailure failure) {
        String why = failure.kind() + " " + failure.code() + ": " + failure.message();
        if (refund.status() == Refund.Status.PENDING) {
            // a refund the provider had accepted failed there: nothing was given back, nothing is held back any more
            refunds.complete(refund.id(), Refund.Status.FAILED, refund.providerRefundId(), why, clock.instant());
        } else if (failure.kind().retryable()) {
            refunds.retryAt(refund.id(), why, clock.instant().plus(properties.retryDelay()));
        } else {
            refunds.complete(refund.id(), Refund.Status.REFUSED, null, why, clock.instant());
        }
    }
}
