package io.haat.order.order;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code haat.order.*} settings of checkout and the saga.
 *
 * @param payment  how long an order waits for its money, and how often unpaid orders are looked for
 * @param checkout how much one customer may hold unpaid at once (so nobody locks a store's stock by not paying)
 */
@ConfigurationProperties("haat.order")
public record OrderProperties(@DefaultValue Payment payment, @DefaultValue Checkout checkout) {

    /**
     * @param window           from the stock reservation to the payment deadline
     * @param margin           the deadline lies at least this long before the reservation expires, so a confirmation
     *                         reaches seller-service while the stock is still held
     * @param deadlineInterval how often {@link PaymentDeadlineJob} runs
     * @param deadlineBatch    orders cancelled per transaction
     */
    public record Payment(@DefaultValue("10m") Duration window, @DefaultValue("1m") Duration margin,
                          @DefaultValue("10s") Duration deadlineInterval, @DefaultValue("100") int deadlineBatch) {

        public Payment {
            if (window.isNegative() || window.isZero() || margin.isNegative() || margin.isZero()) {
                throw new IllegalArgumentException("haat.order.payment.window and margin must be positive");
            }
        }
    }

    /**
     * @param maxUnpaidOrders orders PENDING or AWAITING_PAYMENT a customer may hold at once
     * @param maxUnpaidUnits  units those orders may hold, the new checkout's included
     * @param concurrency     checkouts this instance runs at once; the others wait their turn (CheckoutAdmission).
     *                        Below the connection pool (10): a checkout takes a connection three times
     * @param queueWait       how long a checkout waits for its turn before a 503 with nothing done. With the
     *                        checkout's own worst case (a wait for a connection, 3 s, when the database is gone;
     *                        a call to seller-service answered 503 within the same) it stays inside the gateway's
     *                        10 s response timeout
     */
    public record Checkout(@DefaultValue("3") int maxUnpaidOrders, @DefaultValue("50") int maxUnpaidUnits,
                           @DefaultValue("6") int concurrency, @DefaultValue("5s") Duration queueWait) {

        public Checkout {
            if (concurrency < 1 || queueWait.isNegative()) {
                throw new IllegalArgumentException("haat.order.checkout.concurrency must be at least 1 and "
                        + "queue-wait not negative");
            }
        }
    }
}
