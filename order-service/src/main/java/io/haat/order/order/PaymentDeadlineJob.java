package io.haat.order.order;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cancels orders not paid by their deadline (and PENDING orders whose stock answer never came by the provisional
 * one), releasing their stock through {@code OrderCancelled} and giving their coupon uses back. Runs on every
 * instance: each batch locks its orders with {@code FOR UPDATE SKIP LOCKED}, one transaction per batch.
 */
@Component
public class PaymentDeadlineJob {

    private static final Logger log = LoggerFactory.getLogger(PaymentDeadlineJob.class);

    private final OrderRepository orders;
    private final OrderSaga saga;
    private final TransactionTemplate transaction;
    private final OrderProperties properties;
    private final Clock clock;

    public PaymentDeadlineJob(OrderRepository orders, OrderSaga saga, PlatformTransactionManager transactionManager,
                              OrderProperties properties, Clock clock) {
        this.orders = orders;
        this.saga = saga;
        this.transaction = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${haat.order.payment.deadline-interval:10s}",
            initialDelayString = "${haat.order.payment.deadline-interval:10s}")
    public void run() {
        try {
            cancelDue();
        } catch (RuntimeException e) {
            log.warn("payment deadline run failed; the next run retries", e);
        }
    }

    /** Cancels every order due now, batch by batch; returns how many. */
    public int cancelDue() {
        int batch = properties.payment().deadlineBatch();
        int total = 0;
        while (true) {
            Integer done = transaction.execute(status -> {
                List<UUID> due = orders.lockDue(clock.instant(), batch);
                due.forEach(saga::deadlinePassed);
                return due.size();
            });
            int count = done == null ? 0 : done;
            total += count;
            if (count < batch) {
                return total;
            }
        }
    }
}
