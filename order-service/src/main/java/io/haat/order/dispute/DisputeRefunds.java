package io.haat.order.dispute;

import io.haat.events.Money;
import io.haat.events.payment.PaymentRefunded;
import io.haat.events.payment.SellerOrderRefund;
import io.haat.order.order.RefundFollowUp;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Counts the refunds payment-service made for a dispute's request ({@code dispute:<id>}). */
@Component
public class DisputeRefunds implements RefundFollowUp {

    private static final String PREFIX = "dispute:";

    private final DisputeService service;

    public DisputeRefunds(DisputeService service) {
        this.service = service;
    }

    @Override
    public void refunded(PaymentRefunded event) {
        if (event.requestId() == null || !event.requestId().startsWith(PREFIX)) {
            return;
        }
        UUID disputeId;
        try {
            disputeId = UUID.fromString(event.requestId().substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return; // not one of ours
        }
        Money toSellerOrders = event.sellerOrders().stream().map(SellerOrderRefund::amount)
                .reduce(Money.zero(event.amount().currency()), Money::plus);
        service.refunded(disputeId, event.refundId(), toSellerOrders);
    }
}
