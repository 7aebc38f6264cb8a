package io.haat.events.orders;

import io.haat.events.Money;
import java.time.Instant;
import java.util.List;

/**
 * What order-service answers payment-service's synchronous look-up {@value #PATH} (Feign, client-credentials
 * token of the {@code haat-services} client; not routed by the gateway): the order's payable total, its split
 * per seller order, the customer's payment choice and the deadline. payment-service uses it when a payment is
 * asked for before {@link OrderAwaitingPayment} reached it; what is still due is this total minus what
 * payment-service itself captured or accepted (it owns those facts). Unknown order: 404.
 */
public record PayableOrder(String orderId, String customerId, OrderStatus status, Money total,
                           List<SellerOrderTotals> sellerOrders, PaymentChoice payment, Instant paymentDeadline) {

    /** The look-up's path on order-service, for its controller and payment-service's Feign client alike. */
    public static final String PATH = "/internal/orders/{orderId}/payable";

    public PayableOrder {
        Amounts.requireText(orderId, "orderId");
        Amounts.requireText(customerId, "customerId");
        if (status == null) {
            throw new IllegalArgumentException("status is required");
        }
        sellerOrders = sellerOrders == null ? null : List.copyOf(sellerOrders);
        SellerOrderTotals.requireSplitOf(total, sellerOrders);
        Amounts.requireFits(payment, total);
        if (paymentDeadline == null) {
            throw new IllegalArgumentException("paymentDeadline is required");
        }
    }

    /** Whether a payment may still be taken at {@code now}: awaiting payment and before the deadline. */
    public boolean acceptsPaymentAt(Instant now) {
        return status == OrderStatus.AWAITING_PAYMENT && now.isBefore(paymentDeadline);
    }
}
