package io.haat.payment.order;

import io.haat.events.Money;
import io.haat.events.orders.OrderStatus;
import io.haat.events.orders.PaymentChoice;
import io.haat.events.orders.SellerOrderTotals;
import java.time.Instant;
import java.util.List;

/**
 * What payment-service knows of an order: its payable total, its split per seller order, the customer's payment
 * choice and the payment deadline ({@code OrderAwaitingPayment} or order-service's {@code PayableOrder}). A
 * cancellation seen before anything else is a copy without money fields ({@link #known()} false).
 *
 * @param placedAt when the order's first event or look-up reached us: the time its commission rates are read at
 */
public record OrderCopy(String orderId, String customerId, OrderStatus status, Money total,
                        List<SellerOrderTotals> sellerOrders, PaymentChoice payment, Instant paymentDeadline,
                        Instant placedAt) {

    /** Whether the money fields are known (not only a cancellation). */
    public boolean known() {
        return total != null;
    }

    /** Awaiting payment and before its deadline (as {@code PayableOrder.acceptsPaymentAt}). */
    public boolean acceptsPaymentAt(Instant now) {
        return status == OrderStatus.AWAITING_PAYMENT && known() && now.isBefore(paymentDeadline);
    }

    public boolean cancelled() {
        return status == OrderStatus.CANCELLED;
    }

    /** Forward only: PENDING → AWAITING_PAYMENT → CONFIRMED, CANCELLED final. */
    public static boolean movesForward(OrderStatus from, OrderStatus to) {
        return rank(to) > rank(from);
    }

    private static int rank(OrderStatus status) {
        return switch (status) {
            case PENDING -> 0;
            case AWAITING_PAYMENT -> 1;
            case CONFIRMED -> 2;
            case CANCELLED -> 3;
        };
    }
}
