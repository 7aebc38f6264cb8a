package io.haat.platform.idempotency;

import io.haat.platform.purge.PeriodicPurge;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes expired Idempotency-Keys periodically (see {@link PeriodicPurge}). */
public class IdempotencyKeyPurger extends PeriodicPurge {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyPurger.class);

    private final IdempotencyKeyStore store;

    public IdempotencyKeyPurger(IdempotencyKeyStore store, Duration interval) {
        super("idempotency-purge", interval);
        this.store = store;
    }

    @Override
    public int purgeNow() {
        int purged = store.purgeExpired();
        if (purged > 0) {
            log.info("Purged {} expired idempotency keys", purged);
        }
        return purged;
    }
}
