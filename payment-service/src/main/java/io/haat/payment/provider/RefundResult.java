package io.haat.payment.provider;

import java.util.Objects;

/** What {@link PaymentProvider#refund} did. */
public sealed interface RefundResult {

    /** The provider refunded it. */
    record Refunded(String providerRefundId) implements RefundResult {
    }

    /** The provider accepted the refund and settles it later (it may still fail, reported by webhook). */
    record Pending(String providerRefundId) implements RefundResult {
    }

    /** The provider has no refund call (cash on delivery, eSewa): the money goes back by hand, recorded. */
    record Manual(String why) implements RefundResult {
    }

    record Refused(ProviderFailure failure) implements RefundResult {
        public Refused {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
