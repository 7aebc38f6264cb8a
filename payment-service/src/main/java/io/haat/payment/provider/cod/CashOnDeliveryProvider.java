package io.haat.payment.provider.cod;

import io.haat.payment.provider.Inbound;
import io.haat.payment.provider.PaymentLookup;
import io.haat.payment.provider.PaymentProvider;
import io.haat.payment.provider.PaymentRequest;
import io.haat.payment.provider.ProviderAction;
import io.haat.payment.provider.ProviderPaymentState;
import io.haat.payment.provider.RefundRequest;
import io.haat.payment.provider.RefundResult;
import java.util.Map;

/**
 * Cash on delivery: accepted at once, no network. Whether the cash is collected is not this provider's to
 * say (order-service's delivery events tell payment-service); refunds are handed back by hand.
 */
public final class CashOnDeliveryProvider implements PaymentProvider {

    private final boolean enabled;

    public CashOnDeliveryProvider(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public io.haat.events.payment.PaymentProvider kind() {
        return io.haat.events.payment.PaymentProvider.CASH_ON_DELIVERY;
    }

    @Override
    public boolean available() {
        return enabled;
    }

    @Override
    public ProviderAction begin(PaymentRequest request) {
        return new ProviderAction.Done("cod-" + request.merchantReference(),
                new ProviderPaymentState.Accepted(request.amount()));
    }

    @Override
    public ProviderPaymentState confirm(PaymentLookup lookup) {
        return new ProviderPaymentState.Accepted(lookup.amount());
    }

    @Override
    public RefundResult refund(RefundRequest request) {
        return new RefundResult.Manual("cash on delivery is refunded by hand");
    }

    @Override
    public Inbound verifyWebhook(Map<String, String> headers, String rawBody) {
        return new Inbound.Refused("cash on delivery sends no webhooks");
    }

    @Override
    public Inbound returned(Map<String, String> query) {
        return new Inbound.Refused("cash on delivery has no provider page to return from");
    }
}
