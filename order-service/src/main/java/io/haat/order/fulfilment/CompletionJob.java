package io.haat.order.fulfilment;

import io.haat.order.order.AfterSales;
import io.haat.order.order.OrderRepository;
import io.haat.order.order.OrderSaga;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completes delivered seller orders whose return window ended and that no open return or dispute holds
 * ({@link AfterSales#holdsCompletion}): {@code SellerOrderStatusChanged} COMPLETED, on which payment-service makes the
 * store's earnings available. Runs on every instance: each batch locks its orders with {@code FOR UPDATE SKIP LOCKED},
 * one transaction per batch; held ones are left for a later run.
 */
@Component
public class CompletionJob {

    private static final Logger log = LoggerFactory.getLogger(CompletionJob.class);

    private final OrderRepository orders;
    private final OrderSaga saga;
    private final AfterSales afterSales;
    private final TransactionTemplate transaction;
    private final int batch;

    public CompletionJob(OrderRepository orders, OrderSaga saga, AfterSales afterSales,
                         PlatformTransactionManager transactionManager,
                         @Value("${haat.order.completion.batch:100}") int batch) {
        this.orders = orders;
        this.saga = saga;
        this.afterSales = afterSales;
        this.transaction = new TransactionTemplate(transactionManager);
        this.batch = batch;
    }

    @Scheduled(fixedDelayString = "${haat.order.completion.interval:1m}",
            initialDelayString = "${haat.order.completion.interval:1m}")
    public void run() {
        try {
            completeDue();
        } catch (RuntimeException e) {
            log.warn("completion run failed; the next run retries", e);
        }
    }

    /** Completes every seller order due now, batch by batch; returns how many. */
    public int completeDue() {
        Set<UUID> held = new HashSet<>();
        int total = 0;
        while (true) {
            int[] counts = transaction.execute(status -> {
                List<OrderRepository.Completable> due = orders.lockCompletable(saga.now(), batch, held);
                int completed = 0;
                for (OrderRepository.Completable part : due) {
                    if (afterSales.holdsCompletion(part.sellerOrderId())) {
                        held.add(part.sellerOrderId());
                        continue;
                    }
                    saga.change(part.orderId().toString(), order -> order.complete(part.sellerOrderId(),
                            saga.now()));
                    completed++;
                }
                return new int[] {due.size(), completed};
            });
            total += counts[1];
            if (counts[0] < batch) {
                return total;
            }
        }
    }
}
