package io.haat.order.cart;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes guest carts nobody touched for {@code haat.order.cart.guest-ttl}. Runs on every instance; each batch is
 * one statement whose SKIP LOCKED keeps instances (and carts being used right now) out of each other's way.
 */
@Component
public class GuestCartPurgeJob {

    private static final Logger log = LoggerFactory.getLogger(GuestCartPurgeJob.class);

    private final CartRepository carts;
    private final CartProperties properties;
    private final Clock clock;

    public GuestCartPurgeJob(CartRepository carts, CartProperties properties, Clock clock) {
        this.carts = carts;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${haat.order.cart.purge-interval:1h}",
            initialDelayString = "${haat.order.cart.purge-interval:1h}")
    public void run() {
        try {
            purgeExpired();
        } catch (RuntimeException e) {
            log.warn("Purging expired guest carts failed; will retry", e);
        }
    }

    /** Deletes every guest cart expired now, batch by batch; returns how many. */
    public int purgeExpired() {
        int total = 0;
        int batch;
        do {
            batch = carts.deleteExpiredGuests(clock.instant(), properties.purgeBatch());
            total += batch;
        } while (batch == properties.purgeBatch());
        if (total > 0) {
            log.info("Deleted {} expired guest carts", total);
        }
        return total;
    }
}
