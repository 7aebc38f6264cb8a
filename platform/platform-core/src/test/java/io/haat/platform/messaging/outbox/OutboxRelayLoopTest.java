package io.haat.platform.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaOperations;

/** The relay loop every outbox shares, over an in-memory store: batching, ordering, failures, backoff, pacing. */
class OutboxRelayLoopTest {

    /**
     * Settings of a test relay; by default a poll interval no test waits for: only a full batch or a wake-up makes
     * the loop run again. {@code idle} {@code null}: the default idle interval.
     */
    private record Settings(int batchSize, Duration pollInterval, Duration idle) implements OutboxRelaySettings {

        Settings(int batchSize) {
            this(batchSize, Duration.ofHours(1), null);
        }

        @Override
        public Duration idlePollInterval() {
            return idle != null ? idle : OutboxRelaySettings.super.idlePollInterval();
        }

        @Override
        public Duration sendTimeout() {
            return Duration.ofSeconds(5);
        }

        @Override
        public Duration retryBackoff() {
            return Duration.ofSeconds(1);
        }

        @Override
        public Duration retryBackoffMax() {
            return Duration.ofSeconds(30);
        }
    }

    /** An entry of the in-memory store. */
    private record MemoryEntry(String label, List<OutboxRecord> records, int attempts, boolean mustWait)
            implements OutboxStore.Entry {
    }

    /** A failure the store recorded. */
    private record Failure(String label, int sentCount, String error, Duration retryAfter) {
    }

    /** An outbox in memory: pending entries, oldest first. */
    private static final class MemoryStore implements OutboxStore<MemoryEntry> {
        final List<MemoryEntry> pending = new ArrayList<>();
        final List<String> sent = new ArrayList<>();
        final List<Failure> failures = new ArrayList<>();

        synchronized void add(MemoryEntry entry) {
            pending.add(entry);
        }

        final List<Long> claims = new ArrayList<>();

        @Override
        public synchronized List<MemoryEntry> claimBatch(int limit) {
            claims.add(System.nanoTime());
            return List.copyOf(pending.subList(0, Math.min(limit, pending.size())));
        }

        @Override
        public synchronized void markSent(List<MemoryEntry> entries) {
            entries.forEach(entry -> sent.add(entry.label()));
            pending.removeAll(entries);
        }

        @Override
        public synchronized void markFailed(MemoryEntry entry, int sentCount, String error, Duration retryAfter) {
            failures.add(new Failure(entry.label(), sentCount, error, retryAfter));
            pending.remove(entry);
        }

        synchronized List<Long> claims() {
            return List.copyOf(claims);
        }

        synchronized List<String> sent() {
            return List.copyOf(sent);
        }
    }

    private final MemoryStore store = new MemoryStore();
    private final List<ProducerRecord<String, String>> sends = new ArrayList<>();
    @SuppressWarnings("unchecked")
    private final KafkaOperations<String, String> kafka = mock(KafkaOperations.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private OutboxRelayLoop<MemoryEntry> relay(int batchSize) {
        return new OutboxRelayLoop<>("memory", store, kafka, false, new Settings(batchSize), meters);
    }

    /** Kafka acknowledges every message, except those whose value is in {@code refused}. */
    @SuppressWarnings("unchecked")
    private void kafkaAcknowledgesAllBut(String... refused) {
        when(kafka.send(any(ProducerRecord.class))).thenAnswer(call -> {
            ProducerRecord<String, String> record = call.getArgument(0);
            synchronized (sends) {
                sends.add(record);
            }
            return List.of(refused).contains(record.value())
                    ? CompletableFuture.failedFuture(new IllegalStateException("refused " + record.value()))
                    : CompletableFuture.completedFuture(null);
        });
    }

    private static MemoryEntry entry(String label, int attempts, String... values) {
        return new MemoryEntry(label, List.of(values).stream()
                .map(value -> new OutboxRecord("topic", label, value, Map.of("traceparent", "00-" + label))).toList(),
                attempts, false);
    }

    @Test
    void aBatchSendsTheMessagesOfEachEntryInOrderWithTheirHeadersAndMarksThemSent() {
        kafkaAcknowledgesAllBut();
        store.add(entry("a", 0, "a1", "a2", "a3"));
        store.add(entry("b", 0, "b1"));

        OutboxRelayLoop.BatchResult result = relay(10).relayBatch();

        assertThat(result).isEqualTo(new OutboxRelayLoop.BatchResult(2, 4, 0));
        assertThat(sends).extracting(ProducerRecord::value).containsExactly("a1", "a2", "a3", "b1");
        assertThat(sends.getFirst().key()).isEqualTo("a");
        assertThat(new String(sends.getFirst().headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .isEqualTo("00-a");
        assertThat(store.sent()).containsExactly("a", "b");
        assertThat(meters.counter("haat.outbox.sent", "outbox", "memory").count()).isEqualTo(4);
    }

    @Test
    void aFailedEntryKeepsItsAcknowledgedPrefixAndIsRetriedAfterABackoffThatDoublesUpToTheMax() {
        kafkaAcknowledgesAllBut("a2", "b1", "c1");
        store.add(entry("a", 0, "a1", "a2", "a3"));
        store.add(entry("b", 3, "b1"));
        store.add(entry("c", 20, "c1"));
        OutboxRelayLoop<MemoryEntry> relay = relay(10);

        OutboxRelayLoop.BatchResult result = relay.relayBatch();

        assertThat(result).isEqualTo(new OutboxRelayLoop.BatchResult(3, 1, 3));
        assertThat(store.failures).extracting(Failure::label, Failure::sentCount, Failure::retryAfter).containsExactly(
                tuple("a", 1, Duration.ofSeconds(1)),
                tuple("b", 0, Duration.ofSeconds(8)),
                tuple("c", 0, Duration.ofSeconds(30)));
        assertThat(store.failures.getFirst().error()).isEqualTo("IllegalStateException: refused a2");
        assertThat(store.sent()).isEmpty();
        assertThat(relay.sentTotal()).isEqualTo(1);
        assertThat(meters.counter("haat.outbox.failed", "outbox", "memory").count()).isEqualTo(3);
    }

    @Test
    void anEntryThatMustWaitIsClaimedButNotSent() {
        kafkaAcknowledgesAllBut();
        store.add(new MemoryEntry("held", List.of(new OutboxRecord("topic", "k", "held", Map.of())), 0, true));
        store.add(entry("free", 0, "free"));

        OutboxRelayLoop.BatchResult result = relay(10).relayBatch();

        assertThat(result).isEqualTo(new OutboxRelayLoop.BatchResult(2, 1, 0));
        assertThat(sends).extracting(ProducerRecord::value).containsExactly("free");
        assertThat(store.pending).extracting(MemoryEntry::label).containsExactly("held");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTopicThatFailsBeforeReachingTheBrokerIsTriedOncePerBatch() {
        when(kafka.send(any(ProducerRecord.class))).thenAnswer(call -> {
            sends.add(call.getArgument(0));
            throw new IllegalStateException("no metadata for topic");
        });
        store.add(entry("a", 0, "a1"));
        store.add(entry("b", 0, "b1"));

        OutboxRelayLoop.BatchResult result = relay(10).relayBatch();

        assertThat(result.failed()).isEqualTo(2);
        assertThat(sends).as("one attempt, not one per message").hasSize(1);
    }

    @Test
    void theLoopGoesOnAtOnceAfterAFullBatchAndOtherwiseWaitsToBeWoken() {
        kafkaAcknowledgesAllBut();
        IntStream.range(0, 25).forEach(i -> store.add(entry("e" + i, 0, "v" + i)));
        OutboxRelayLoop<MemoryEntry> relay = relay(10);
        relay.start();
        try {
            // 10 + 10 + 5: the poll interval is an hour, so only full batches can have brought it this far
            await().atMost(Duration.ofSeconds(10)).until(() -> store.sent().size() == 25);
            assertThat(store.sent()).containsExactlyElementsOf(IntStream.range(0, 25).mapToObj(i -> "e" + i).toList());

            store.add(entry("late", 0, "late"));
            relay.wakeUp();
            await().atMost(Duration.ofSeconds(10)).until(() -> store.sent().contains("late"));
        } finally {
            relay.stop();
        }
        assertThat(relay.isRunning()).isFalse();
        assertThat(relay.sentTotal()).isEqualTo(26);
    }

    @Test
    void anEmptyOutboxIsLookedAtLessAndLessOftenUpToTheIdleIntervalAndBusyOneAtThePollInterval() {
        Settings busy = new Settings(10, Duration.ofMillis(200), null);
        assertThat(busy.idlePollInterval()).isEqualTo(Duration.ofSeconds(2));
        List<Duration> waits = new ArrayList<>();
        Duration wait = busy.pollInterval();
        for (int i = 0; i < 6; i++) {
            wait = OutboxRelayLoop.nextWait(wait, true, busy);
            waits.add(wait);
        }
        assertThat(waits).extracting(Duration::toMillis).containsExactly(400L, 800L, 1600L, 2000L, 2000L, 2000L);
        assertThat(OutboxRelayLoop.nextWait(Duration.ofSeconds(2), false, busy)).isEqualTo(Duration.ofMillis(200));
        // the idle interval never makes a relay poll more often than its poll interval
        assertThat(new Settings(10).idlePollInterval()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void anIdleRelayBacksOffAndStillSendsWhatAnotherWriterAddsWithoutWakingIt() {
        kafkaAcknowledgesAllBut();
        OutboxRelayLoop<MemoryEntry> relay = new OutboxRelayLoop<>("memory", store, kafka, false,
                new Settings(10, Duration.ofMillis(20), Duration.ofMillis(160)), meters);
        relay.start();
        try {
            // waits of 40, 80, 160, 160 ms between the empty looks
            await().atMost(Duration.ofSeconds(10)).until(() -> store.claims().size() >= 6);
            List<Long> claims = store.claims();
            long lastGap = claims.get(5) - claims.get(4);
            assertThat(Duration.ofNanos(lastGap)).as("the wait grew to the idle interval")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(150));

            store.add(entry("from another replica", 0, "v"));
            await().atMost(Duration.ofSeconds(5)).until(() -> store.sent().contains("from another replica"));
        } finally {
            relay.stop();
        }
    }
}
