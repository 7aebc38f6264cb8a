package io.haat.notification.delivery;

import io.haat.notification.NotificationProperties;
import io.haat.notification.feed.Feed;
import io.haat.notification.feed.Notification;
import io.haat.notification.notice.Channel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Background threads that send what {@link DeliveryQueue} holds: each claims one due delivery at a time, hands it to
 * the sender of its channel and records the outcome. A failure is rescheduled with backoff and the worker moves on,
 * so one recipient's broken mailbox or push endpoint never holds up the others. Woken after an enqueue, otherwise
 * polling.
 */
@Component
public class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final int MAX_ERROR_LENGTH = 1000;

    private final DeliveryQueue queue;
    private final Feed feed;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final NotificationProperties.Delivery settings;
    private final Semaphore wakeUps = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    public DeliveryWorker(DeliveryQueue queue, Feed feed, List<ChannelSender> senders,
                          NotificationProperties properties) {
        this.queue = queue;
        this.feed = feed;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.settings = properties.delivery();
    }

    /** Wakes the workers now instead of at their next poll. */
    public void wakeUp() {
        wakeUps.release(Math.max(1, settings.workers()));
    }

    /** Sends every due delivery; returns how many were attempted (also used by tests to drain the queue). */
    public int drain() {
        int attempted = 0;
        while (!Thread.currentThread().isInterrupted()) {
            Optional<Delivery> claimed = queue.claim();
            if (claimed.isEmpty()) {
                break;
            }
            attempt(claimed.get());
            attempted++;
        }
        return attempted;
    }

    void attempt(Delivery delivery) {
        ChannelSender sender = senders.get(delivery.channel());
        Notification notification = feed.find(delivery.notificationId()).orElse(null);
        if (sender == null || notification == null) {
            queue.failed(delivery, sender == null ? "no sender for " + delivery.channel() : "notification is gone",
                    true);
            return;
        }
        try {
            boolean sent = sender.send(notification, delivery);
            queue.done(delivery, sent ? Delivery.Status.SENT : Delivery.Status.SKIPPED);
        } catch (DeliveryFailedException e) {
            log.info("{} of {} failed (attempt {}): {}", delivery.channel(), delivery.notificationId(),
                    delivery.attempts(), e.getMessage());
            queue.failed(delivery, truncate(e.getMessage()), e.permanent());
        } catch (RuntimeException e) {
            log.warn("{} of {} failed (attempt {})", delivery.channel(), delivery.notificationId(),
                    delivery.attempts(), e);
            queue.failed(delivery, truncate(e.toString()), false);
        }
    }

    private void loop() {
        while (running) {
            try {
                if (drain() == 0) {
                    wakeUps.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("delivery worker: {}", e.toString());
                try {
                    // back off from a failing database instead of spinning (not woken early)
                    new Semaphore(0).tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        try {
            int moved = queue.moveFinishedOutOfTheQueue();
            if (moved > 0) {
                log.info("moved {} finished deliveries out of the queue", moved);
            }
        } catch (RuntimeException e) {
            // a tidy-up, not a precondition: with MongoDB not reachable yet the workers start and back off as always,
            // and the next start moves what is left
            log.warn("finished deliveries not moved out of the queue this time: {}", e.toString());
        }
        for (int i = 0; i < Math.max(1, settings.workers()); i++) {
            Thread thread = Thread.ofPlatform().daemon().name("delivery-worker-" + i).start(this::loop);
            threads.add(thread);
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
