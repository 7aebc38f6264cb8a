package io.haat.platform.idempotency;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Deletes expired Idempotency-Keys periodically, on its own daemon thread (no {@code @EnableScheduling} needed). */
public class IdempotencyKeyPurger implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyPurger.class);

    private final IdempotencyKeyStore store;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public IdempotencyKeyPurger(IdempotencyKeyStore store, Duration interval) {
        this.store = store;
        this.interval = interval;
    }

    public int purgeNow() {
        int purged = store.purgeExpired();
        if (purged > 0) {
            log.info("Purged {} expired idempotency keys", purged);
        }
        return purged;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("idempotency-purge").factory());
        // spread instances of one service over the interval
        long initialDelay = ThreadLocalRandom.current().nextLong(Math.max(1, interval.toMillis()));
        executor.scheduleWithFixedDelay(this::purgeQuietly, initialDelay, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void purgeQuietly() {
        try {
            purgeNow();
        } catch (RuntimeException e) {
            log.warn("Purging expired idempotency keys failed: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
