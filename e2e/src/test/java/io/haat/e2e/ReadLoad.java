package io.haat.e2e;

import java.net.http.HttpResponse;
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
 * with a short pause, as a browsing customer would (no retry of its own: the gateway's are what is tested). Every
 * answer is counted by status ({@code 0} = no answer).
 */
final class ReadLoad implements AutoCloseable {

    private static final Duration PAUSE = Duration.ofMillis(100);

    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Future<?>> readers;
    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    private final AtomicLong slowestNanos = new AtomicLong();
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

    private void read(String token, List<String> paths) {
        for (int i = 0; running; i++) {
            long began = System.nanoTime();
            String status;
            try {
                HttpResponse<String> answer = Gateway.get(paths.get(i % paths.size()), token);
                status = Integer.toString(answer.statusCode());
            } catch (RuntimeException e) {
                status = "0";
            }
            slowestNanos.accumulateAndGet(System.nanoTime() - began, Math::max);
            answers.computeIfAbsent(status, k -> new LongAdder()).increment();
            LockSupport.parkNanos(PAUSE.toNanos());
        }
    }
}
