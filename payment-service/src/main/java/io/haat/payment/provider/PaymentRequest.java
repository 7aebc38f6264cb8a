package io.haat.payment.provider;

import io.haat.events.Money;
import java.net.URI;
import java.util.Objects;
import java.util.UUID;

/**
 * What a provider needs to start one payment attempt.
 *
 * @param returnUrl where the provider sends the customer back after paying
 * @param cancelUrl where the provider sends the customer when they abandon or the payment fails
 */
public record PaymentRequest(UUID paymentId, UUID orderId, int attempt, Money amount, String description,
                             URI returnUrl, URI cancelUrl) {

    public PaymentRequest {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(returnUrl, "returnUrl");
        Objects.requireNonNull(cancelUrl, "cancelUrl");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt numbers from 1: " + attempt);
        }
        if (amount.amountMinor() <= 0) {
            throw new IllegalArgumentException("a payment takes a positive amount: " + amount);
        }
        description = description == null || description.isBlank() ? "Order " + orderId : description;
    }

    /**
     * The idempotency key sent to the provider: {@code <orderId>:<attempt>} (docs/order-payment-contract.md).
     * Every retry of the same attempt reuses it, so the provider creates at most one payment for it.
     */
    public String idempotencyKey() {
        return orderId + ":" + attempt;
    }

    /**
     * The same identity for providers that allow only letters, digits and hyphens in the merchant's reference
     * (eSewa's {@code transaction_uuid}, Khalti's {@code purchase_order_id}).
     */
    public String merchantReference() {
        return orderId + "-" + attempt;
    }
}
