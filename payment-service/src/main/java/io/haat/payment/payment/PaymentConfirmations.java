package io.haat.payment.payment;

import io.haat.payment.provider.PaymentLookup;
import io.haat.payment.provider.PaymentProviders;
import io.haat.payment.provider.ProviderPaymentState;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Asks a payment's provider for its state (outside any transaction) and applies it
 * ({@link PaymentSettlement#apply}), then carries out the refunds the change asked for. Used by the webhook worker,
 * the customer's return and the pending-payments job: a notification only names the payment, its state always
 * comes from this look-up.
 */
@Component
public class PaymentConfirmations {

    private final PaymentProviders providers;
    private final PaymentSettlement settlement;
    private final RefundWorker refunds;

    PaymentConfirmations(PaymentProviders providers, PaymentSettlement settlement, RefundWorker refunds) {
        this.providers = providers;
        this.settlement = settlement;
        this.refunds = refunds;
    }

    /** What the provider says now; empty when it cannot be asked (not begun yet, provider switched off). */
    public Optional<ProviderPaymentState> ask(Payment payment) {
        if (payment.providerReference() == null) {
            return Optional.empty();
        }
        return providers.find(payment.provider()).map(provider -> provider.confirm(
                new PaymentLookup(payment.providerReference(), payment.merchantReference(), payment.amount())));
    }

    /** Asks and applies; a captured payment has nothing left to learn and is returned as it is. */
    public Payment confirm(Payment payment) {
        if (payment.captured()) {
            return payment;
        }
        return ask(payment).map(state -> apply(payment, state)).orElse(payment);
    }

    /** Applies a state learnt from the provider and carries out the refunds it asked for. */
    public Payment apply(Payment payment, ProviderPaymentState state) {
        PaymentSettlement.Settled settled = settlement.apply(payment.id(), state);
        refunds.process(settled.refundIds());
        return settled.payment();
    }
}
