package io.haat.payment.payment;

import io.haat.events.Money;
import io.haat.events.payment.CashOnDeliveryAccepted;
import io.haat.events.payment.PaymentCaptured;
import io.haat.events.payment.PaymentFailed;
import io.haat.events.payment.PaymentFailureReason;
import io.haat.events.payment.PaymentProvider;
import io.haat.events.payment.PaymentRefunded;
import io.haat.events.payment.PaymentStatus;
import io.haat.events.payment.RefundReason;
import io.haat.events.payment.SellerOrderRefund;
import io.haat.platform.domain.IllegalTransition;
import io.haat.platform.domain.Transition;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One attempt at paying (part of) an order through one provider. Its transitions:
 *
 * <table>
 * <tr><th>from \ to</th><th>capture</th><th>fail</th><th>refund</th></tr>
 * <tr><td colspan="4">accept (cash on delivery only): PENDING → COD_ACCEPTED + CashOnDeliveryAccepted; already
 *     accepted or captured: unchanged; FAILED: illegal</td></tr>
 * <tr><td>PENDING</td><td>CAPTURED + PaymentCaptured</td><td>FAILED + PaymentFailed</td><td>illegal</td></tr>
 * <tr><td>COD_ACCEPTED</td><td>CAPTURED + PaymentCaptured</td><td>FAILED + PaymentFailed</td><td>illegal</td></tr>
 * <tr><td>FAILED</td><td>CAPTURED + PaymentCaptured (the provider took the money after all)</td><td>unchanged</td>
 *     <td>illegal</td></tr>
 * <tr><td>CAPTURED, PARTIALLY_REFUNDED, REFUNDED</td><td>unchanged</td><td>unchanged (a failure report never
 *     undoes money taken; only a refund gives it back)</td><td>PARTIALLY_REFUNDED / REFUNDED + PaymentRefunded,
 *     up to what is captured and not refunded</td></tr>
 * </table>
 *
 * So notifications in any order and any number end in the same state with one capture: the state always comes
 * from the provider's look-up, and a capture happens once.
 *
 * @param amount what was asked of the provider
 * @param capturedMinor what the provider captured (0 until then)
 * @param settleBy after this a still pending payment is checked with the provider by the job
 */
public record Payment(UUID id, String orderId, String customerId, int attempt, PaymentProvider provider,
                      PaymentStatus status, Money amount, long capturedMinor, long refundedMinor,
                      String providerReference, PaymentFailureReason failureReason, String failureMessage,
                      Instant createdAt, Instant settleBy, Instant capturedAt, long version) {

    public Payment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(amount, "amount");
    }

    /** A payment about to be started with its provider (no event: nothing happened yet). */
    public static Payment start(UUID id, String orderId, String customerId, int attempt, PaymentProvider provider,
                                Money amount, Instant at, Instant settleBy) {
        return new Payment(id, orderId, customerId, attempt, provider, PaymentStatus.PENDING, amount, 0, 0, null,
                null, null, at, settleBy, null, 0);
    }

    /** Cash on delivery, accepted at once: it counts towards paying the order until collected or not. */
    public static Transition<Payment> cashOnDelivery(UUID id, String orderId, String customerId, int attempt,
                                                     Money amount, Instant at) {
        Payment accepted = new Payment(id, orderId, customerId, attempt, PaymentProvider.CASH_ON_DELIVERY,
                PaymentStatus.COD_ACCEPTED, amount, 0, 0, id.toString(), null, null, at, at, null, 0);
        return Transition.to(accepted, new CashOnDeliveryAccepted(id.toString(), orderId, attempt, amount, at));
    }

    /** The merchant's reference the provider knows the attempt by ({@code <orderId>-<attempt>}). */
    public String merchantReference() {
        return orderId + "-" + attempt;
    }

    public boolean captured() {
        return status == PaymentStatus.CAPTURED || status == PaymentStatus.PARTIALLY_REFUNDED
                || status == PaymentStatus.REFUNDED;
    }

    /** Not decided yet: pending with the provider, or cash on delivery accepted and not collected. */
    public boolean open() {
        return status == PaymentStatus.PENDING || status == PaymentStatus.COD_ACCEPTED;
    }

    /** What this payment counts towards the order's total: captured money, or what an open payment asks. */
    public long holdsMinor() {
        return captured() ? capturedMinor : open() ? amount.amountMinor() : 0;
    }

    /** Captured and not refunded (nor being refunded: the caller subtracts refunds in flight). */
    public long refundableMinor() {
        return capturedMinor - refundedMinor;
    }

    /** The provider's id of the payment, once {@code begin} answered. */
    public Payment withReference(String reference) {
        return new Payment(id, orderId, customerId, attempt, provider, status, amount, capturedMinor, refundedMinor,
                reference, failureReason, failureMessage, createdAt, settleBy, capturedAt, version);
    }

    public Transition<Payment> capture(Money captured, Instant at) {
        if (captured()) {
            return Transition.unchanged(this);
        }
        if (!captured.currency().equals(amount.currency()) || captured.amountMinor() <= 0) {
            throw new IllegalArgumentException("a capture of " + captured + " for a payment in " + amount.currency());
        }
        return Transition.to(next(PaymentStatus.CAPTURED, captured.amountMinor(), 0, null, null, at),
                new PaymentCaptured(id.toString(), orderId, provider, attempt, captured, at));
    }

    /** Cash on delivery started through {@code POST /payments}: accepted, to be collected at the door. */
    public Transition<Payment> accept(Instant at) {
        if (status == PaymentStatus.COD_ACCEPTED || captured()) {
            return Transition.unchanged(this);
        }
        if (status != PaymentStatus.PENDING || provider != PaymentProvider.CASH_ON_DELIVERY) {
            throw new IllegalTransition("payment", status, "accepted for cash on delivery");
        }
        return Transition.to(next(PaymentStatus.COD_ACCEPTED, 0, 0, null, null, null),
                new CashOnDeliveryAccepted(id.toString(), orderId, attempt, amount, at));
    }

    public Transition<Payment> fail(PaymentFailureReason reason, String message, Instant at) {
        if (status == PaymentStatus.FAILED || captured()) {
            return Transition.unchanged(this);
        }
        return Transition.to(next(PaymentStatus.FAILED, 0, 0, reason, message, null),
                new PaymentFailed(id.toString(), orderId, provider, attempt, reason, message, at));
    }

    /** Gives back {@code amount} split as {@code parts} (already done at the provider, or recorded as manual). */
    public Transition<Payment> refund(String refundId, Money amount, List<SellerOrderRefund> parts,
                                      Money fromCustomerCredit, RefundReason reason, Instant at) {
        return refund(refundId, amount, parts, fromCustomerCredit, reason, at, null);
    }

    /** As {@link #refund(String, Money, List, Money, RefundReason, Instant)}, carrying out refund request {@code requestId}. */
    public Transition<Payment> refund(String refundId, Money amount, List<SellerOrderRefund> parts,
                                      Money fromCustomerCredit, RefundReason reason, Instant at, String requestId) {
        if (!captured() || status == PaymentStatus.REFUNDED) {
            throw new IllegalTransition("payment", status, "refunded");
        }
        if (!amount.currency().equals(this.amount.currency()) || amount.amountMinor() > refundableMinor()) {
            throw new IllegalArgumentException("refund of " + amount + " exceeds the " + refundableMinor()
                    + " captured and not refunded");
        }
        long refunded = refundedMinor + amount.amountMinor();
        PaymentStatus after = refunded == capturedMinor ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        return Transition.to(next(after, capturedMinor, amount.amountMinor(), null, null, capturedAt),
                new PaymentRefunded(refundId, id.toString(), orderId, provider, amount, parts, reason, after, at,
                        fromCustomerCredit, requestId));
    }

    private Payment next(PaymentStatus to, long captured, long refundedMore, PaymentFailureReason reason,
                         String message, Instant capturedAtAfter) {
        return new Payment(id, orderId, customerId, attempt, provider, to, amount, captured,
                refundedMinor + refundedMore, providerReference, reason == null ? failureReason : reason,
                message == null ? failureMessage : message, createdAt, settleBy,
                capturedAtAfter == null ? capturedAt : capturedAtAfter, version + 1);
    }
}
