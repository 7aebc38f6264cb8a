package io.haat.payment.provider;

import io.haat.events.Money;
import java.util.Objects;

/**
 * What payment-service stored when the payment began, enough for any provider's look-up; the expected
 * amount lets the provider refuse a state whose amount or currency differs (VERIFICATION_FAILED).
 *
 * @param providerReference the provider's id ({@link ProviderAction#reference()})
 * @param merchantReference {@link PaymentRequest#merchantReference()}
 */
public record PaymentLookup(String providerReference, String merchantReference, Money amount) {

    public PaymentLookup {
        Objects.requireNonNull(providerReference, "providerReference");
        Objects.requireNonNull(merchantReference, "merchantReference");
        Objects.requireNonNull(amount, "amount");
    }
}
