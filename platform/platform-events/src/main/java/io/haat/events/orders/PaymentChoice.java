package io.haat.events.orders;

import io.haat.events.Money;
import io.haat.events.payment.PaymentProvider;

/**
 * How the customer chose to pay at checkout, passed on to payment-service: {@code provider} pays the online
 * part, {@code cashOnDelivery} is collected in cash (zero when none). CASH_ON_DELIVERY as the provider means the
 * whole order in cash; any other provider with a non-zero {@code cashOnDelivery} is a split tender.
 */
public record PaymentChoice(PaymentProvider provider, Money cashOnDelivery) {

    public PaymentChoice {
        if (provider == null) {
            throw new IllegalArgumentException("provider is required");
        }
        Amounts.requireNotNegative(cashOnDelivery, "cashOnDelivery");
    }

    /** Paid entirely in cash on delivery, nothing online. */
    public boolean cashOnly() {
        return provider == PaymentProvider.CASH_ON_DELIVERY;
    }
}
