package io.haat.platform.messaging.outbox;

import io.haat.platform.messaging.MessagingProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to Kafka and marks them sent. Each batch is one transaction that claims
 * rows with {@code FOR UPDATE SKIP LOCKED}, so any number of relays (one per service instance) can
 * run at once without sending a row twice. Delivery is at least once: a relay that dies after the
 * send but before its commit leaves the row unsent and it is sent again; consumers are idempotent.
 */
public class OutboxRelay implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** What one batch did. */
    public record BatchResult(int claimed, int sent, int failed) {
    }

    private final OutboxRepository outbox;
    private final TransactionTemplate transaction;
    private final KafkaOperations<String, String> kafka;
    private final boolean ownsProducer;
    private final MessagingProperties.Outbox settings;
    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicLong sentTotal = new AtomicLong();
    private volatile boolean running;
    private volatile Thread worker;
    private long nextCleanupNanos = System.nanoTime();

    /** A relay with its own idempotent String producer, derived from the application's producer settings. */
    public OutboxRelay(OutboxRepository outbox, PlatformTransactionManager transactionManager,
                       ProducerFactory<?, ?> producerFactory, MessagingProperties.Outbox settings) {
        this(outbox, transactionManager, idempotentStringTemplate(producerFactory, settings), true, settings);
    }

    /** A relay sending through the given template (which stays the caller's to close). */
    public OutboxRelay(OutboxRepository outbox, PlatformTransactionManager transactionManager,
                       KafkaOperations<String, String> kafka, MessagingProperties.Outbox settings) {
        this(outbox, transactionManager, kafka, false, settings);
    }

    private OutboxRelay(OutboxRepository outbox, PlatformTransactionManager transactionManager,
                        KafkaOperations<String, String> kafka, boolean ownsProducer,
                        MessagingProperties.Outbox settings) {
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactionManager);
        this.kafka = kafka;
        this.ownsProducer = ownsProducer;
        this.settings = settings;
    }

    // Whatever the application configured, the relay's producer must be idempotent with acks=all
    // (no duplicates or reordering from producer retries) and write the envelope as a String.
    // No template observation: it would replace the traceparent captured at publish time with the
    // relay's own, and the consumer should continue the publisher's trace.
    @SuppressWarnings("unchecked")
    private static KafkaTemplate<String, String> idempotentStringTemplate(ProducerFactory<?, ?> factory,
                                                                          MessagingProperties.Outbox settings) {
        Map<String, Object> overrides = new HashMap<>();
        overrides.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        overrides.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        overrides.put(ProducerConfig.ACKS_CONFIG, "all");
        overrides.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // a topic whose metadata cannot be fetched must not stall the relay for the default minute
        overrides.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.sendTimeout().toMillis());
        return new KafkaTemplate<>((ProducerFactory<String, String>) factory, overrides);
    }

    /** Wakes the relay now instead of at its next poll (called after a publishing transaction commits). */
    public void wakeUp() {
        wakeUps.release();
    }

    /** Messages this relay instance has sent since it was created. */
    public long sentTotal() {
        return sentTotal.get();
    }

    /** Claims one batch, sends it and records the outcome, all in one transaction. */
    public BatchResult relayBatch() {
        return transaction.execute(status -> {
            List<OutboxMessage> claimed = outbox.claimBatch(settings.batchSize());
            List<OutboxMessage> ready = claimed.stream().filter(m -> !m.blocked()).toList();
            List<CompletableFuture<?>> sends = new ArrayList<>(ready.size());
            Map<String, Throwable> unreachableTopics = new HashMap<>();
            for (OutboxMessage message : ready) {
                sends.add(send(message, unreachableTopics));
            }
            long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
            List<UUID> sent = new ArrayList<>(ready.size());
            int failed = 0;
            for (int i = 0; i < ready.size(); i++) {
                OutboxMessage message = ready.get(i);
                try {
                    sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    sent.add(message.id());
                } catch (ExecutionException | TimeoutException e) {
                    Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                    failed++;
                    recordFailure(message, cause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Kafka", e);
                }
            }
            outbox.markSent(sent);
            sentTotal.addAndGet(sent.size());
            return new BatchResult(claimed.size(), sent.size(), failed);
        });
    }

    /** Deletes sent rows older than the retention. */
    public int cleanUp() {
        return transaction.execute(status -> outbox.deleteSentOlderThan(settings.retention()));
    }

    private CompletableFuture<?> send(OutboxMessage message, Map<String, Throwable> unreachableTopics) {
        Throwable unreachable = unreachableTopics.get(message.topic());
        if (unreachable != null) {
            return CompletableFuture.failedFuture(unreachable);
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(message.topic(), message.key(), message.payload());
        message.headers().forEach((name, value) ->
                record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        CompletableFuture<?> future;
        try {
            future = kafka.send(record);
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        if (future.isCompletedExceptionally()) {
            // failed before reaching the broker (e.g. no metadata for the topic): don't wait again per row
            future.exceptionally(e -> {
                unreachableTopics.put(message.topic(), e);
                return null;
            });
        }
        return future;
    }

    private void recordFailure(OutboxMessage message, Throwable cause) {
        Duration retryAfter = backoff(message.attempts());
        String error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        log.warn("outbox message {} to {} not sent (attempt {}), retrying in {}: {}", message.id(),
                message.topic(), message.attempts() + 1, retryAfter, error);
        outbox.markFailed(message.id(), error.length() > 2000 ? error.substring(0, 2000) : error, retryAfter);
    }

    private Duration backoff(int previousAttempts) {
        Duration max = settings.retryBackoffMax();
        Duration delay = settings.retryBackoff().multipliedBy(1L << Math.min(previousAttempts, 30));
        return delay.compareTo(max) > 0 || delay.isNegative() ? max : delay;
    }

    // ---- lifecycle: one background thread per relay -------------------------------------------

    @Override
    public void start() {
        if (running) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().daemon().name("outbox-relay").start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = worker;
        wakeUps.release();
        if (thread != null) {
            try {
                // let the current batch finish: interrupting JDBC or Kafka calls does more harm
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

    @Override
    public void destroy() {
        stop();
        if (ownsProducer && kafka instanceof KafkaTemplate<String, String> template) {
            template.destroy();
        }
    }

    private void loop() {
        while (running) {
            boolean more = false;
            try {
                BatchResult result = relayBatch();
                // a full batch that made progress means more rows are probably waiting
                more = result.claimed() == settings.batchSize() && result.sent() + result.failed() > 0;
                cleanUpWhenDue();
            } catch (RuntimeException e) {
                // e.g. the database is down: say so at every poll, the stack trace only when debugging
                log.warn("outbox relay batch failed, retrying at next poll: {}", e.toString());
                log.debug("outbox relay batch failure", e);
            }
            if (!more) {
                awaitWakeUp();
            }
        }
    }

    private void cleanUpWhenDue() {
        if (System.nanoTime() - nextCleanupNanos >= 0) {
            nextCleanupNanos = System.nanoTime() + settings.cleanupInterval().toNanos();
            int deleted = cleanUp();
            if (deleted > 0) {
                log.info("deleted {} sent outbox rows older than {}", deleted, settings.retention());
            }
        }
    }

    private void awaitWakeUp() {
        try {
            wakeUps.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            wakeUps.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
