package io.haat.catalog.tracking;

import io.haat.events.EventEnvelope;
import io.haat.events.Topics;
import io.haat.events.catalog.ProductTracked;
import io.haat.platform.messaging.EventEnvelopes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Buffers tracked views and clicks and publishes them on {@code catalog.tracking} in batches (one record per
 * event, key = product id, sent together and flushed once). Analytics are best effort: not through the outbox,
 * a full buffer drops new events, and events buffered when an instance dies are lost; both are counted.
 */
@Component
public class TrackingPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TrackingPublisher.class);

    private final BlockingQueue<ProductTracked> buffer;
    private final KafkaTemplate<String, String> kafka;
    private final EventEnvelopes envelopes;
    private final TrackingProperties settings;
    private final Counter accepted;
    private final Counter dropped;
    private final Counter published;
    private volatile boolean running;

    @SuppressWarnings("unchecked")
    public TrackingPublisher(KafkaTemplate<?, ?> kafka, EventEnvelopes envelopes, TrackingProperties settings,
                             MeterRegistry meters) {
        this.kafka = (KafkaTemplate<String, String>) kafka;
        this.envelopes = envelopes;
        this.settings = settings;
        this.buffer = new ArrayBlockingQueue<>(Math.max(1, settings.bufferCapacity()));
        this.accepted = meters.counter("catalog.tracking.events", "outcome", "accepted");
        this.dropped = meters.counter("catalog.tracking.events", "outcome", "dropped");
        this.published = meters.counter("catalog.tracking.events", "outcome", "published");
    }

    /** Queues an event; false (and counted) when the buffer is full. */
    public boolean enqueue(ProductTracked event) {
        if (buffer.offer(event)) {
            accepted.increment();
            return true;
        }
        dropped.increment();
        return false;
    }

    /** Publishes everything buffered, a batch at a time; returns how many were sent. */
    @Scheduled(fixedDelayString = "${haat.catalog.tracking.flush-interval:1s}")
    public int flush() {
        int total = 0;
        List<ProductTracked> batch = new ArrayList<>(settings.batchSize());
        while (buffer.drainTo(batch, settings.batchSize()) > 0) {
            try {
                for (ProductTracked event : batch) {
                    // occurred when tracked (the controller's clock), not when this batch is flushed
                    kafka.send(Topics.CATALOG_TRACKING, event.productId(),
                            envelopes.toJson(EventEnvelope.of(event, 0, event.at())));
                }
                kafka.flush();
                published.increment(batch.size());
                total += batch.size();
            } catch (RuntimeException e) {
                dropped.increment(batch.size());
                log.warn("could not publish {} tracking events: {}", batch.size(), e.toString());
            }
            batch.clear();
        }
        return total;
    }

    @Override
    public void start() {
        running = true;
    }

    /** Publishes what is left before the application stops. */
    @Override
    public void stop() {
        running = false;
        flush();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    int buffered() {
        return buffer.size();
    }
}
