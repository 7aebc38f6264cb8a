package io.haat.payment.provider;

import io.haat.events.Money;
import io.haat.events.payment.PaymentFailureReason;
import java.util.Objects;

/** A payment's state as its provider reports it ({@link PaymentProvider#confirm}). */
public sealed interface ProviderPaymentState {

    /** The money is taken: {@code amount} is what the provider says it captured. */
    record Captured(Money amount, String transactionId) implements ProviderPaymentState {
        public Captured {
            Objects.requireNonNull(amount, "amount");
        }
    }

    /** Not decided yet (the customer has not finished, or the provider is still processing). */
    record Pending(String providerStatus) implements ProviderPaymentState {
    }

    /** Cash on delivery: accepted now, to be collected at the door. */
    record Accepted(Money amount) implements ProviderPaymentState {
        public Accepted {
            Objects.requireNonNull(amount, "amount");
        }
    }

    /** Finally not paid. */
    record Failed(PaymentFailureReason reason, String providerStatus) implements ProviderPaymentState {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Captured once, then given back in full or in part (the provider's look-up tells no more). */
    record Refunded(boolean full) implements ProviderPaymentState {
    }

    /** The provider could not tell (unreachable, error): the payment stays as it was; ask again later. */
    record Unknown(ProviderFailure failure) implements ProviderPaymentState {
        public Unknown {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
