package io.haat.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * A steady read load through the gateway for the fault suite: one reader per token, each asking the paths in turn
 * with a short pause, as a browsing customer would. Every answer is counted by status ({@code 0} = no answer, even
 * when asked again).
 */
final class ReadLoad implements AutoCloseable {

    private static final Duration PAUSE = Duration.ofMillis(100);
    private static final String NO_ANSWER = "0";

    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Future<?>> readers;
    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    private final AtomicLong slowestNanos = new AtomicLong();
    private final LongAdder cut = new LongAdder();
    private volatile boolean running = true;

    private ReadLoad(List<String> tokens, List<String> paths) {
        readers = tokens.stream().<Future<?>>map(token -> workers.submit(() -> read(token, paths))).toList();
    }

    static ReadLoad start(List<String> tokens, List<String> paths) {
        return new ReadLoad(tokens, paths);
    }

    /** {@code status → count}, e.g. {@code 200=1234}. */
    Map<String, Long> answers() {
        Map<String, Long> sorted = new TreeMap<>();
        answers.forEach((status, count) -> sorted.put(status, count.sum()));
        return sorted;
    }

    long total() {
        return answers.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Duration slowest() {
        return Duration.ofNanos(slowestNanos.get());
    }

    void stop() {
        running = false;
        for (Future<?> reader : readers) {
            try {
                reader.get();
            } catch (Exception e) {
                answers.computeIfAbsent("reader " + e.getClass().getSimpleName(), k -> new LongAdder()).increment();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        workers.shutdownNow();
    }

    /**
     * Reads the paths in turn. A read whose connection failed without an answer is asked once more, as a browser or
     * an app does with a GET: the gateway retries a read on another instance when it can, but not once the answer
     * has begun (an instance killed while sending it cuts the connection); those are counted apart ({@link #cut}).
     */
    private void read(String token, List<String> paths) {
        for (int i = 0; running; i++) {
            long began = System.nanoTime();
            String path = paths.get(i % paths.size());
            String status = get(path, token);
            if (status.equals(NO_ANSWER)) {
                cut.increment();
                status = get(path, token);
            }
            slowestNanos.accumulateAndGet(System.nanoTime() - began, Math::max);
            answers.computeIfAbsent(status, k -> new LongAdder()).increment();
            LockSupport.parkNanos(PAUSE.toNanos());
        }
    }

    private static String get(String path, String token) {
        try {
            return Integer.toString(Gateway.get(path, token).statusCode());
        } catch (RuntimeException e) {
            return NO_ANSWER;
        }
    }

    /** Reads whose first try lost its connection without an answer (each was asked once more). */
    long cut() {
        return cut.sum();
    }
}
