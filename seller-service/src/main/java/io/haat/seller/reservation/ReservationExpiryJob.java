package io.haat.seller.reservation;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Releases reservations that were not confirmed in time. Runs on every instance; SKIP LOCKED keeps
 * instances from expiring the same reservation.
 */
@Component
public class ReservationExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(ReservationExpiryJob.class);

    private final ReservationService reservations;
    private final ReservationProperties properties;
    private final TransactionTemplate transaction;

    public ReservationExpiryJob(ReservationService reservations, ReservationProperties properties,
                                PlatformTransactionManager transactionManager) {
        this.reservations = reservations;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Scheduled(fixedDelayString = "${haat.seller.reservations.expiry-interval:10s}",
            initialDelayString = "${haat.seller.reservations.expiry-interval:10s}")
    public void run() {
        try {
            expireDue();
        } catch (RuntimeException e) {
            log.warn("Expiring reservations failed; will retry", e);
        }
    }

    /** Expires every reservation due now, batch by batch; returns how many were expired. */
    public int expireDue() {
        int total = 0;
        int batch;
        do {
            Integer expired = transaction.execute(status -> {
                List<String> due = reservations.lockDueForExpiry(properties.expiryBatch());
                due.forEach(reservations::expire);
                return due.size();
            });
            batch = expired == null ? 0 : expired;
            total += batch;
        } while (batch == properties.expiryBatch());
        if (total > 0) {
            log.info("Expired {} stock reservations", total);
        }
        return total;
    }
}
