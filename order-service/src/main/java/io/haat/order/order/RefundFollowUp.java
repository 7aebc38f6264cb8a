package io.haat.order.order;

import io.haat.events.payment.PaymentRefunded;

/**
 * What else a refund of an order's payment settles besides the order's payment summary: returns and disputes count
 * the refunds of their requests. Called by {@link OrderSagaListener} inside the consumer's transaction, after
 * {@link OrderSaga#refunded}.
 */
public interface RefundFollowUp {

    void refunded(PaymentRefunded event);
}
