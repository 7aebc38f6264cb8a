package io.haat.payment.payment;

import io.haat.events.Money;
import io.haat.events.payment.RefundReason;
import io.haat.payment.order.OrderCopies;
import io.haat.platform.domain.IllegalTransition;
import io.haat.platform.web.UnprocessableException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a refund before its provider is asked. What a payment may still give back is what it captured minus what
 * was refunded and what requested refunds hold, read with the payment locked by the caller; so two refunds (an
 * admin's and a cancellation's, or a redelivered event) never give back more than was captured.
 */
@Component
class RefundRequests {

    private final RefundRepository refunds;
    private final PaymentRepository payments;
    private final OrderCopies copies;
    private final Clock clock;

    RefundRequests(RefundRepository refunds, PaymentRepository payments, OrderCopies copies, Clock clock) {
        this.refunds = refunds;
        this.payments = payments;
        this.copies = copies;
        this.clock = clock;
    }

    /** An admin's refund: {@code amountMinor} (default: all that is refundable) of a captured payment. */
    @Transactional
    Refund admin(UUID paymentId, Long amountMinor, String note) {
        Payment unlocked = payments.find(paymentId).orElseThrow(() -> PaymentQueries.notFound(paymentId));
        copies.lock(unlocked.orderId());
        Payment payment = payments.lock(paymentId).orElseThrow();
        if (!payment.captured()) {
            throw new IllegalTransition("payment", payment.status(), "refunded");
        }
        long refundable = refundableMinor(payment);
        if (refundable <= 0) {
            throw new UnprocessableException("nothing-refundable", "Nothing left to refund",
                    "Payment " + paymentId + " has nothing captured that is not refunded or being refunded.");
        }
        long amount = amountMinor == null ? refundable : amountMinor;
        if (amount > refundable) {
            throw new UnprocessableException("amount-exceeds-refundable", "Amount exceeds what is refundable",
                    "Only " + refundable + " (minor units of " + payment.amount().currency()
                            + ") of payment " + paymentId + " can still be refunded.");
        }
        return record(UUID.randomUUID().toString(), payment, new Money(amount, payment.amount().currency()),
                RefundReason.ADMIN, note, null);
    }

    /** What {@code payment} (locked) may still give back. */
    @Transactional(propagation = Propagation.MANDATORY)
    long refundableMinor(Payment payment) {
        return payment.captured() ? payment.refundableMinor() - refunds.inFlightMinor(payment.id()) : 0;
    }

    /**
     * An automatic refund under a deterministic id: all that is refundable (or {@code amount}, capped at it).
     * Empty if nothing is left to refund; the id if recorded now or before.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<String> request(String refundId, Payment payment, Money amount, RefundReason reason, String note) {
        return request(refundId, payment, amount, reason, note, null);
    }

    /** As {@link #request(String, Payment, Money, RefundReason, String)}, taken from one seller order alone. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<String> request(String refundId, Payment payment, Money amount, RefundReason reason, String note,
                             String sellerOrderId) {
        if (refunds.find(refundId).isPresent()) {
            return Optional.of(refundId);
        }
        long refundable = refundableMinor(payment);
        long wanted = amount == null ? refundable : Math.min(amount.amountMinor(), refundable);
        if (wanted <= 0) {
            return Optional.empty();
        }
        record(refundId, payment, new Money(wanted, payment.amount().currency()), reason, note, sellerOrderId);
        return Optional.of(refundId);
    }

    /** Records exactly {@code amount}; the caller checked it is refundable. */
    @Transactional(propagation = Propagation.MANDATORY)
    Refund record(String refundId, Payment payment, Money amount, RefundReason reason, String note,
                  String sellerOrderId) {
        return record(refundId, payment, amount, reason, note, sellerOrderId, null);
    }

    /** As {@link #record(String, Payment, Money, RefundReason, String, String)}, for a refund request. */
    @Transactional(propagation = Propagation.MANDATORY)
    Refund record(String refundId, Payment payment, Money amount, RefundReason reason, String note,
                  String sellerOrderId, String requestId) {
        Refund refund = new Refund(refundId, payment.id(), payment.orderId(), amount, reason, sellerOrderId, note,
                Refund.Status.REQUESTED, null, null, clock.instant(), null, requestId);
        refunds.insert(refund);
        return refunds.find(refundId).orElseThrow();
    }
}
