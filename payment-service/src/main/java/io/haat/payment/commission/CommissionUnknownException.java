package io.haat.payment.commission;

/**
 * No commission rate can be known for a seller order: no rule learnt from {@code seller.commission} applies and
 * seller-service's look-up failed. Thrown rather than guessing a rate, so the capture that asked is retried.
 */
public class CommissionUnknownException extends IllegalStateException {

    public CommissionUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
