package io.haat.platform.messaging.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The one relay loop of every outbox: a background thread that claims a batch from an {@link OutboxStore}, sends
 * its messages to Kafka, waits for the acknowledgements and marks each entry sent, or failed with an exponential
 * backoff. It runs again at once after a full batch that made progress, otherwise when {@link #wakeUp woken} (after
 * a write) or every {@code pollInterval}; while the outbox stays empty the wait doubles up to
 * {@code idlePollInterval}, so an idle service does not query its outbox five times a second. Delivery is at least
 * once; consumers are idempotent.
 *
 * <p>Metrics (tag {@code outbox} = the relay's name): {@code haat.outbox.sent} (messages acknowledged) and
 * {@code haat.outbox.failed} (entries whose sending failed and was rescheduled).
 *
 * @param <E> what the store claims (a row, a document)
 */
public class OutboxRelayLoop<E extends OutboxStore.Entry> implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayLoop.class);
    private static final int MAX_ERROR_LENGTH = 2000;

    /** What one batch did: entries claimed, messages sent, entries whose sending failed. */
    public record BatchResult(int claimed, int sent, int failed) {
    }

    private final String name;
    private final OutboxStore<E> store;
    private final KafkaOperations<String, String> kafka;
    private final boolean ownsProducer;
    private final OutboxRelaySettings settings;
    private final Counter sentCounter;
    private final Counter failedCounter;
    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicLong sentTotal = new AtomicLong();
    private volatile boolean running;
    private volatile Thread worker;
    private long nextCleanupNanos = System.nanoTime();

    /**
     * @param name         names the worker thread ({@code outbox-relay-<name>}) and tags the metrics
     * @param kafka        where messages go
     * @param ownsProducer whether {@link #destroy()} closes {@code kafka} (a template made for this relay)
     * @param meters       where the metrics go; {@code null} for none
     */
    public OutboxRelayLoop(String name, OutboxStore<E> store, KafkaOperations<String, String> kafka,
                           boolean ownsProducer, OutboxRelaySettings settings, MeterRegistry meters) {
        this.name = Objects.requireNonNull(name, "name");
        this.store = Objects.requireNonNull(store, "store");
        this.kafka = Objects.requireNonNull(kafka, "kafka");
        this.ownsProducer = ownsProducer;
        this.settings = Objects.requireNonNull(settings, "settings");
        MeterRegistry registry = meters != null ? meters : new CompositeMeterRegistry(); // empty composite: no-op
        this.sentCounter = Counter.builder("haat.outbox.sent").tag("outbox", name)
                .description("Outbox messages acknowledged by Kafka").register(registry);
        this.failedCounter = Counter.builder("haat.outbox.failed").tag("outbox", name)
                .description("Outbox entries whose sending failed and was rescheduled").register(registry);
    }

    /**
     * A String template for relays, made from the application's producer factory. Whatever the application
     * configured, it is idempotent with acks=all (no duplicates or reordering from producer retries) and gives up
     * on a topic whose metadata cannot be fetched within the send timeout instead of the default minute. No
     * template observation: it would replace the traceparent captured when the event was written, and the
     * consumer should continue the writer's trace.
     */
    @SuppressWarnings("unchecked")
    public static KafkaTemplate<String, String> idempotentStringTemplate(ProducerFactory<?, ?> factory,
                                                                         Duration sendTimeout) {
        Map<String, Object> overrides = new HashMap<>();
        overrides.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        overrides.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        overrides.put(ProducerConfig.ACKS_CONFIG, "all");
        overrides.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        overrides.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, sendTimeout.toMillis());
        return new KafkaTemplate<>((ProducerFactory<String, String>) factory, overrides);
    }

    /** Wakes the relay now instead of at its next poll (called after a write that added messages). */
    public void wakeUp() {
        wakeUps.release();
    }

    /** Messages this relay instance has sent since it was created. */
    public long sentTotal() {
        return sentTotal.get();
    }

    /** Claims one batch, sends it and records the outcome (in one transaction where the store has them). */
    public BatchResult relayBatch() {
        return store.inBatch(() -> {
            List<E> claimed = store.claimBatch(settings.batchSize());
            List<E> ready = claimed.stream().filter(entry -> !entry.mustWait()).toList();
            Map<String, Throwable> unreachableTopics = new HashMap<>();
            List<List<CompletableFuture<?>>> sends = new ArrayList<>(ready.size());
            for (E entry : ready) {
                List<CompletableFuture<?>> ofEntry = new ArrayList<>(entry.records().size());
                for (OutboxRecord record : entry.records()) {
                    ofEntry.add(send(record, unreachableTopics));
                }
                sends.add(ofEntry);
            }
            long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
            List<E> sent = new ArrayList<>(ready.size());
            int messagesSent = 0;
            int failed = 0;
            for (int i = 0; i < ready.size(); i++) {
                E entry = ready.get(i);
                int acknowledged = 0;
                Throwable failure = null;
                // the acknowledged prefix counts: a later message sent after a failed one is sent again with it
                for (CompletableFuture<?> send : sends.get(i)) {
                    try {
                        send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                        acknowledged++;
                    } catch (ExecutionException | TimeoutException e) {
                        failure = e instanceof ExecutionException ? e.getCause() : e;
                        break;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for Kafka", e);
                    }
                }
                messagesSent += acknowledged;
                if (failure == null) {
                    sent.add(entry);
                } else {
                    failed++;
                    recordFailure(entry, acknowledged, failure);
                }
            }
            store.markSent(sent);
            sentTotal.addAndGet(messagesSent);
            sentCounter.increment(messagesSent);
            failedCounter.increment(failed);
            return new BatchResult(claimed.size(), messagesSent, failed);
        });
    }

    /** Removes entries sent long enough ago (the store decides what that means). */
    public int cleanUp() {
        return store.cleanUp();
    }

    private CompletableFuture<?> send(OutboxRecord message, Map<String, Throwable> unreachableTopics) {
        Throwable unreachable = unreachableTopics.get(message.topic());
        if (unreachable != null) {
            return CompletableFuture.failedFuture(unreachable);
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(message.topic(), message.key(), message.value());
        message.headers().forEach((header, value) ->
                record.headers().add(new RecordHeader(header, value.getBytes(StandardCharsets.UTF_8))));
        CompletableFuture<?> future;
        try {
            future = kafka.send(record);
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        if (future.isCompletedExceptionally()) {
            // failed before reaching the broker (e.g. no metadata for the topic): don't wait again per message
            future.exceptionally(e -> {
                unreachableTopics.put(message.topic(), e);
                return null;
            });
        }
        return future;
    }

    private void recordFailure(E entry, int sentCount, Throwable cause) {
        Duration retryAfter = backoff(entry.attempts());
        String error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        log.warn("{} not sent (attempt {}), retrying in {}: {}", entry.label(), entry.attempts() + 1, retryAfter, error);
        store.markFailed(entry, sentCount, error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH)
                : error, retryAfter);
    }

    /** {@code retryBackoff} doubled per earlier attempt, at most {@code retryBackoffMax}. */
    Duration backoff(int previousAttempts) {
        Duration max = settings.retryBackoffMax();
        Duration delay = settings.retryBackoff().multipliedBy(1L << Math.min(previousAttempts, 30));
        return delay.compareTo(max) > 0 || delay.isNegative() ? max : delay;
    }

    // ---- lifecycle: one background thread per relay -------------------------------------------

    /**
     * Stops after the web server ({@code WebServerStartStopLifecycle}, {@code Integer.MAX_VALUE - 2048}) and so after
     * its graceful shutdown: the events that the requests still in flight write are sent before the relay stops.
     */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    @Override
    public int getPhase() {
        return PHASE;
    }

    @Override
    public void start() {
        if (running) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().daemon().name("outbox-relay-" + name).start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = worker;
        wakeUps.release();
        if (thread != null) {
            try {
                // let the current batch finish: interrupting database or Kafka calls does more harm
                thread.join(settings.sendTimeout().plusSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops the relay and closes its producer if it made it. */
    @Override
    public void destroy() {
        stop();
        if (ownsProducer && kafka instanceof KafkaTemplate<String, String> template) {
            template.destroy();
        }
    }

    private void loop() {
        Duration wait = settings.pollInterval();
        while (running) {
            boolean more = false;
            boolean empty = false;
            try {
                BatchResult result = relayBatch();
                // a full batch that made progress means more entries are probably waiting
                more = result.claimed() >= settings.batchSize() && result.sent() + result.failed() > 0;
                empty = result.claimed() == 0;
                cleanUpWhenDue();
            } catch (RuntimeException e) {
                // e.g. the database is down: say so at every poll, the stack trace only when debugging
                log.warn("{} outbox relay batch failed, retrying at next poll: {}", name, e.toString());
                log.debug("{} outbox relay batch failure", name, e);
            }
            wait = nextWait(wait, empty, settings);
            if (!more) {
                awaitWakeUp(wait);
            }
        }
    }

    /**
     * The wait before the next look: {@code pollInterval} after a batch that claimed something (or failed), double
     * the previous wait after one that claimed nothing, at most {@code idlePollInterval}.
     */
    static Duration nextWait(Duration previous, boolean claimedNothing, OutboxRelaySettings settings) {
        if (!claimedNothing) {
            return settings.pollInterval();
        }
        Duration doubled = previous.multipliedBy(2);
        Duration max = settings.idlePollInterval();
        return doubled.compareTo(max) > 0 ? max : doubled;
    }

    private void cleanUpWhenDue() {
        if (System.nanoTime() - nextCleanupNanos >= 0) {
            nextCleanupNanos = System.nanoTime() + settings.cleanupInterval().toNanos();
            int deleted = cleanUp();
            if (deleted > 0) {
                log.info("{} outbox: deleted {} sent entries past their retention", name, deleted);
            }
        }
    }

    private void awaitWakeUp(Duration wait) {
        try {
            wakeUps.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
            wakeUps.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
