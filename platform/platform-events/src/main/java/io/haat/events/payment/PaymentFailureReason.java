package io.haat.events.payment;

/** Why a payment failed, as {@link PaymentFailed} carries it (JSON: the constant's name). */
public enum PaymentFailureReason {
    /** The provider or the card issuer declined it. */
    DECLINED,
    INSUFFICIENT_FUNDS,
    /** The customer abandoned or cancelled it at the provider. */
    CANCELLED_BY_CUSTOMER,
    /** Still pending at its deadline, and the provider did not confirm it when asked. */
    EXPIRED,
    /** The provider's answer did not check out (signature, amount, currency or reference mismatch). */
    VERIFICATION_FAILED,
    /** The provider could not be reached or answered with an error. */
    PROVIDER_ERROR,
    /** Cash on delivery: the delivery failed or the cash was not collected. */
    COD_NOT_COLLECTED,
    /** The order was cancelled while this payment was pending or cash on delivery was accepted. */
    ORDER_CANCELLED
}
