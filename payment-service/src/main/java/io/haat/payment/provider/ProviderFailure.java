package io.haat.payment.provider;

import io.haat.events.payment.PaymentFailureReason;
import java.util.Objects;

/**
 * Why a call to a provider did not succeed, in the provider's own words ({@code code}, {@code message}).
 *
 * @param kind what the caller can do about it: {@link Kind#retryable()} failures may succeed later
 */
public record ProviderFailure(Kind kind, String code, String message) {

    public ProviderFailure {
        Objects.requireNonNull(kind, "kind");
        code = code == null ? kind.name().toLowerCase() : code;
        message = message == null ? "" : message;
    }

    public static ProviderFailure of(Kind kind, String code, String message) {
        return new ProviderFailure(kind, code, message);
    }

    public enum Kind {
        /** The provider refused the request as it was (validation error, card declined, amount too small). */
        REJECTED(false, PaymentFailureReason.DECLINED),
        /** Our credentials were refused: configuration, not the customer. */
        UNAUTHORIZED(false, PaymentFailureReason.PROVIDER_ERROR),
        /** The provider does not know the reference. */
        NOT_FOUND(false, PaymentFailureReason.VERIFICATION_FAILED),
        /** No answer in time, or no connection. */
        UNREACHABLE(true, PaymentFailureReason.PROVIDER_ERROR),
        /** The provider answered 5xx, 429, or something unreadable. */
        PROVIDER_ERROR(true, PaymentFailureReason.PROVIDER_ERROR);

        private final boolean retryable;
        private final PaymentFailureReason reason;

        Kind(boolean retryable, PaymentFailureReason reason) {
            this.retryable = retryable;
            this.reason = reason;
        }

        public boolean retryable() {
            return retryable;
        }

        /** The reason a {@code PaymentFailed} event carries when this failure ends the payment. */
        public PaymentFailureReason reason() {
            return reason;
        }
    }
}
