package io.haat.order.admin;

/**
 * What order-service knows of an order's money, from its payment facts (captures, cash on delivery accepted,
 * refunds), as the admin order list shows and filters it. Decided in the first matching row:
 *
 * <pre>
 * REFUNDED            something was refunded, and at least all that was captured
 * PARTIALLY_REFUNDED  something was refunded, less than was captured
 * PAID                captured covers the total (a free order too)
 * CASH_ON_DELIVERY    cash on delivery accepted, still to be collected
 * PARTIALLY_PAID      some captured, not all
 * UNPAID              nothing captured or accepted
 * </pre>
 *
 * {@link AdminOrderQueries} computes it in SQL (so the list can filter and page on it) with exactly these rows.
 */
public enum PaymentState {
    UNPAID, PARTIALLY_PAID, CASH_ON_DELIVERY, PAID, PARTIALLY_REFUNDED, REFUNDED
}
