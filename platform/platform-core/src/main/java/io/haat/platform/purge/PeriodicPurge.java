package io.haat.platform.purge;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A purge that runs every {@code interval} on a daemon thread of its own (no {@code @EnableScheduling} needed), the
 * instances of one service spread over the interval by a random first delay; a failed run is logged and retried at
 * the next one.
 */
public abstract class PeriodicPurge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicPurge.class);

    private final String threadName;
    private final Duration interval;
    private ScheduledExecutorService executor;

    protected PeriodicPurge(String threadName, Duration interval) {
        this.threadName = threadName;
        this.interval = interval;
    }

    /** Purges what is due now; returns how many records went. */
    public abstract int purgeNow();

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name(threadName).factory());
        long every = interval.toMillis();
        long initialDelay = ThreadLocalRandom.current().nextLong(Math.max(1, every));
        executor.scheduleWithFixedDelay(this::purgeQuietly, initialDelay, every, TimeUnit.MILLISECONDS);
    }

    private void purgeQuietly() {
        try {
            purgeNow();
        } catch (RuntimeException e) {
            log.warn("{} failed; will retry: {}", threadName, e.getMessage());
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
