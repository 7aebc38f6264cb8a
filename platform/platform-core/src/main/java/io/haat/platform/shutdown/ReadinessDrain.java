package io.haat.platform.shutdown;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * The first thing a stopping service does: it says it is going — readiness {@code REFUSING_TRAFFIC} (the Kubernetes
 * probe answers DOWN), then each {@link Announcement} (e.g. its Eureka instance marked DOWN) — and keeps serving for
 * the drain delay while routers catch up. Runs in the highest phase, so it stops before the Kafka listener containers
 * ({@code Integer.MAX_VALUE - 100}), the web server's graceful shutdown ({@code Integer.MAX_VALUE - 1024}) and the
 * outbox relay (after the web server, see {@code OutboxRelayLoop#getPhase}).
 */
public class ReadinessDrain implements SmartLifecycle {

    /** Phase of this lifecycle: stopped first of all. */
    public static final int PHASE = Integer.MAX_VALUE;

    private static final Logger log = LoggerFactory.getLogger(ReadinessDrain.class);

    /** Something that tells the world this instance is going (run once, on stop; a failure is logged, not thrown). */
    @FunctionalInterface
    public interface Announcement {
        void announce();

        /** Takes the announcement back when the stopped context starts again (see {@link ReadinessDrain#start()}). */
        default void withdraw() {
        }
    }

    private final ApplicationEventPublisher events;
    private final List<Announcement> announcements;
    private final Duration drainDelay;
    private volatile boolean running;
    private volatile boolean announced;

    public ReadinessDrain(ApplicationEventPublisher events, List<Announcement> announcements, Duration drainDelay) {
        this.events = events;
        this.announcements = List.copyOf(announcements);
        this.drainDelay = drainDelay;
    }

    /**
     * Starting again after a stop (a context may be stopped and restarted: Spring's test context cache pauses the
     * contexts it is not using) takes the announcements back, readiness {@code ACCEPTING_TRAFFIC} first.
     */
    @Override
    public void start() {
        running = true;
        if (announced) {
            announced = false;
            AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
            for (Announcement announcement : announcements) {
                try {
                    announcement.withdraw();
                } catch (RuntimeException e) {
                    log.warn("Withdrawing the shutdown announcement failed: {}", e.toString());
                }
            }
        }
    }

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        announced = true;
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        for (Announcement announcement : announcements) {
            try {
                announcement.announce();
            } catch (RuntimeException e) {
                log.warn("Announcing the shutdown failed: {}", e.toString());
            }
        }
        if (!drainDelay.isZero()) {
            log.info("Shutting down: readiness DOWN, serving {} more while routers catch up", drainDelay);
            try {
                Thread.sleep(drainDelay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
