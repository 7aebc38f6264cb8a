package io.haat.order.returns;

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
 * Approves the returns a store left undecided past their {@code approveBy}. Runs on every instance: each batch locks
 * its returns with {@code FOR UPDATE SKIP LOCKED}, one transaction per batch.
 */
@Component
public class ReturnApprovalJob {

    private static final Logger log = LoggerFactory.getLogger(ReturnApprovalJob.class);

    private final ReturnRepository returns;
    private final ReturnService service;
    private final TransactionTemplate transaction;
    private final ReturnProperties properties;
    private final Clock clock;

    public ReturnApprovalJob(ReturnRepository returns, ReturnService service,
                             PlatformTransactionManager transactionManager, ReturnProperties properties, Clock clock) {
        this.returns = returns;
        this.service = service;
        this.transaction = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${haat.order.returns.job-interval:1m}",
            initialDelayString = "${haat.order.returns.job-interval:1m}")
    public void run() {
        try {
            approveDue();
        } catch (RuntimeException e) {
            log.warn("return approval run failed; the next run retries", e);
        }
    }

    /** Approves every return due now, batch by batch; returns how many. */
    public int approveDue() {
        int batch = properties.jobBatch();
        int total = 0;
        while (true) {
            Integer done = transaction.execute(status -> {
                List<UUID> due = returns.lockDue(clock.instant(), batch);
                due.forEach(service::autoApprove);
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
