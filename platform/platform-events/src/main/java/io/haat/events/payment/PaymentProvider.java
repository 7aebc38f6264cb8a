package io.haat.events.payment;

/**
 * The ways to pay (JSON: the constant's name). CASH_ON_DELIVERY is accepted at checkout and captured when the
 * delivery agent collects it; SANDBOX is the built-in provider for local runs and tests.
 */
public enum PaymentProvider {
    STRIPE, PAYPAL, KHALTI, ESEWA, CASH_ON_DELIVERY, SANDBOX
}
