package io.haat.events.orders;

import io.haat.events.DomainEvent;
import io.haat.events.Money;
import java.time.Instant;
import java.util.List;

/**
 * Every line of the order is reserved and the order waits for its money until {@code paymentDeadline}
 * (inside the reservation's expiry). Carries all payment-service needs to take and split payments without
 * calling back: the payable total, its split per seller order, and the customer's payment choice.
 */
public record OrderAwaitingPayment(String orderId, String customerId, Money total,
                                   List<SellerOrderTotals> sellerOrders, PaymentChoice payment,
                                   Instant paymentDeadline) implements DomainEvent {

    public OrderAwaitingPayment {
        Amounts.requireText(orderId, "orderId");
        Amounts.requireText(customerId, "customerId");
        sellerOrders = sellerOrders == null ? null : List.copyOf(sellerOrders);
        SellerOrderTotals.requireSplitOf(total, sellerOrders);
        Amounts.requireFits(payment, total);
        if (paymentDeadline == null) {
            throw new IllegalArgumentException("paymentDeadline is required");
        }
    }

    @Override
    public String aggregateId() {
        return orderId;
    }
}
