package io.haat.order.order;

import io.haat.events.Money;
import io.haat.events.payment.PaymentProvider;
import java.time.Instant;
import java.util.List;

/**
 * What order-service knows of one payment (one per payment id): captured, cash on delivery accepted, or failed,
 * and what of it was refunded (by refund id, so a refund is counted once).
 */
public record PaymentFact(String paymentId, PaymentProvider provider, int attempt, State state, Money amount,
                          Money refunded, List<String> refundIds, Instant at) {

    public enum State {
        COD_ACCEPTED, CAPTURED, FAILED
    }

    public PaymentFact {
        refundIds = List.copyOf(refundIds);
    }

    /**
     * Whether a later fact about the same payment replaces this one: a capture replaces an accepted COD (the cash
     * was collected) and a failure (a capture that landed late is still money); a failure replaces an accepted COD
     * (not collected, or voided). A capture is never replaced: money only leaves through refunds.
     */
    boolean replacedBy(PaymentFact next) {
        return switch (state) {
            case CAPTURED -> false;
            case COD_ACCEPTED -> next.state != State.COD_ACCEPTED;
            case FAILED -> next.state == State.CAPTURED;
        };
    }

    /** Counts towards paying the order: captured, or accepted to be collected in cash. */
    Money covering(String currency) {
        return state == State.FAILED ? Money.zero(currency) : amount;
    }

    /** Money actually taken and not given back. */
    Money heldCapture(String currency) {
        return state == State.CAPTURED ? amount.minus(refunded) : Money.zero(currency);
    }

    PaymentFact withRefund(String refundId, Money refund) {
        List<String> ids = new java.util.ArrayList<>(refundIds);
        ids.add(refundId);
        return new PaymentFact(paymentId, provider, attempt, state, amount, refunded.plus(refund), ids, at);
    }
}
