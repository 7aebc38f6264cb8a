package io.haat.payment.provider;

import io.haat.events.Money;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One way to take money, behind which each provider's API hides. Implementations never throw for what the
 * provider answers (declines, validation errors, timeouts, unreadable bodies): every outcome is a value of a
 * sealed result type, so a caller cannot forget a case and no provider failure leaks as a 500.
 *
 * <p>Nothing a browser brings back is trusted: {@link #returned} and {@link #verifyWebhook} only tell which
 * payment to look at; the state comes from {@link #confirm}, which asks the provider.
 */
public interface PaymentProvider {

    /** Which provider this is (the enum of the payment contract in platform-events). */
    io.haat.events.payment.PaymentProvider kind();

    /** Whether its credentials are configured; an unavailable provider is never offered nor called. */
    boolean available();

    /** Starts a payment: what the client must do next, or why the provider refused it. */
    ProviderAction begin(PaymentRequest request);

    /** Asks the provider for the payment's state (a look-up, never the return query). */
    ProviderPaymentState confirm(PaymentLookup lookup);

    /**
     * What {@link #begin} answered for a payment whose answer was lost — the service stopped between asking the
     * provider and recording the answer, so no provider reference was kept — looked up by the merchant reference
     * (our payment id) the payment was begun with. Empty when this provider cannot find a payment without its own
     * reference; such a payment stays pending until the job gives up on it.
     *
     * @param startedAt when the payment was opened, just before {@link #begin} was called
     */
    default Optional<ProviderAction> lostBegin(String merchantReference, Money amount, Instant startedAt) {
        return Optional.empty();
    }

    /** Gives (part of) a captured payment back, idempotently by the refund id. */
    RefundResult refund(RefundRequest request);

    /**
     * Asks the provider how a refund it answered {@link RefundResult.Pending} stands now, by the provider's refund id:
     * {@link RefundResult.Refunded} once settled, {@link RefundResult.Refused} if it failed, still
     * {@link RefundResult.Pending} when undecided or when the provider could not be asked. A provider that never
     * answers Pending keeps this default.
     */
    default RefundResult refundState(String providerRefundId) {
        return new RefundResult.Pending(providerRefundId);
    }

    /**
     * Checks a webhook's signature over the raw body before anything else reads it.
     *
     * @param headers the request headers, names in lower case
     */
    Inbound verifyWebhook(Map<String, String> headers, String rawBody);

    /** Reads the customer's return from the provider's page (query parameters), verifying what is signed. */
    Inbound returned(Map<String, String> query);
}
