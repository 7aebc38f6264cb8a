package io.haat.order.returns;

import io.haat.events.Money;
import io.haat.events.payment.PaymentRefunded;
import io.haat.events.payment.SellerOrderRefund;
import io.haat.order.order.RefundFollowUp;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Counts the refunds payment-service made for a return's request ({@code return:<id>}); REFUNDED once they add up. */
@Component
public class ReturnRefunds implements RefundFollowUp {

    private static final String PREFIX = "return:";

    private final ReturnService service;

    public ReturnRefunds(ReturnService service) {
        this.service = service;
    }

    @Override
    public void refunded(PaymentRefunded event) {
        if (event.requestId() == null || !event.requestId().startsWith(PREFIX)) {
            return;
        }
        UUID returnId;
        try {
            returnId = UUID.fromString(event.requestId().substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return; // not one of ours
        }
        Money toSellerOrders = event.sellerOrders().stream().map(SellerOrderRefund::amount)
                .reduce(Money.zero(event.amount().currency()), Money::plus);
        service.refunded(returnId, event.refundId(), toSellerOrders);
    }
}
