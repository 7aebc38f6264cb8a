package io.haat.payment.payment;

import io.haat.events.payment.PaymentProvider;
import io.haat.payment.order.OrderCopy;
import io.haat.payment.order.PayableOrders;
import io.haat.payment.provider.PaymentProviders;
import io.haat.payment.provider.PaymentRequest;
import io.haat.payment.provider.ProviderAction;
import io.haat.payment.provider.ProviderFailure;
import io.haat.platform.web.InvalidRequestException;
import io.haat.platform.web.UnprocessableException;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /payments}: the order (copy or look-up) → {@link PaymentStarts#open} (one transaction: the
 * payment, PENDING) → the provider's {@code begin}, outside any transaction → {@link PaymentSettlement#begun} (one
 * transaction: its reference, and the state when the provider decided at once) → any refund that asked for.
 */
@Service
public class PaymentService {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

    private final PayableOrders orders;
    private final PaymentStarts starts;
    private final PaymentSettlement settlement;
    private final PaymentRepository payments;
    private final PaymentProviders providers;
    private final RefundWorker refunds;
    private final PaymentProperties properties;
    private final JsonMapper json;

    public PaymentService(PayableOrders orders, PaymentStarts starts, PaymentSettlement settlement,
                          PaymentRepository payments, PaymentProviders providers, RefundWorker refunds,
                          PaymentProperties properties, JsonMapper json) {
        this.orders = orders;
        this.starts = starts;
        this.settlement = settlement;
        this.payments = payments;
        this.providers = providers;
        this.refunds = refunds;
        this.properties = properties;
        this.json = json;
    }

    /** The provider a client named: an enum name in any case, or API.md's "COD"; else 400 naming the field. */
    public static PaymentProvider parseProvider(String name, String field) {
        String upper = name == null ? "" : name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (upper.equals("COD")) {
            return PaymentProvider.CASH_ON_DELIVERY;
        }
        try {
            return PaymentProvider.valueOf(upper);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, "unknown payment provider '" + name + "'");
        }
    }

    public PaymentViews.PaymentView start(String customerId, PaymentViews.StartPayment request) {
        UUID orderId;
        try {
            orderId = UUID.fromString(request.orderId().trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("orderId", "must be an order id (a UUID)");
        }
        PaymentProvider kind = parseProvider(request.provider(), "provider");
        var provider = providers.find(kind).orElseThrow(() -> new UnprocessableException("provider-unavailable",
                "Payment provider unavailable", kind + " is not available for payments."));
        OrderCopy order = orders.require(orderId.toString());
        if (!order.customerId().equals(customerId)) {
            throw PayableOrders.notFound(orderId.toString());
        }
        Payment payment = starts.open(orderId.toString(), customerId, kind, request.amount());
        URI back = URI.create(properties.returnUrl().toString().replaceAll("/+$", "") + "/"
                + kind.name().toLowerCase(Locale.ROOT));
        ProviderAction action;
        try {
            action = provider.begin(new PaymentRequest(payment.id(), orderId, payment.attempt(),
                    payment.amount(), null, back, back));
        } catch (RuntimeException e) {
            // providers answer failures as values; anything thrown still must not leave the payment pending forever
            log.warn("Payment {}: {} begin failed", payment.id(), kind, e);
            action = new ProviderAction.Refused(ProviderFailure.of(ProviderFailure.Kind.PROVIDER_ERROR,
                    "begin_failed", e.getClass().getSimpleName()));
        }
        PaymentViews.Action shown = PaymentViews.Action.of(action);
        if (shown != null) {
            payments.saveAction(payment.id(), json.writeValueAsString(shown));
        }
        PaymentSettlement.Settled settled = settlement.begun(payment.id(), action);
        refunds.process(settled.refundIds());
        return PaymentViews.PaymentView.of(settled.payment(), shown);
    }
}
