package io.haat.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A bounded closed-loop load: {@code concurrency} virtual threads send the same GET back to back for a fixed time
 * (after a warm-up) and the figures come out as requests/s and latency percentiles. Loopback only.
 */
record LoadRun(String label, int concurrency, long requests, long errors, double seconds, long p50Micros,
               long p99Micros, Map<String, Long> errorKinds) {

    static LoadRun measure(String label, URI uri, String bearer, int concurrency, Duration warmUp, Duration duration) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return measure(label, builder.build(), concurrency, warmUp, duration);
    }

    /** The same request (any method; a body publisher is replayed for each send) sent back to back. */
    static LoadRun measure(String label, HttpRequest request, int concurrency, Duration warmUp, Duration duration) {
        return measure(label, () -> request, concurrency, warmUp, duration);
    }

    /** A request from {@code request} for each send (e.g. a different product each time). */
    static LoadRun measure(String label, Supplier<HttpRequest> request, int concurrency, Duration warmUp,
                           Duration duration) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        run(client, request, concurrency, warmUp, new long[1_000_000], new AtomicLong(), new LongAdder(),
                new ConcurrentHashMap<>());
        long[] latencies = new long[2_000_000];
        AtomicLong count = new AtomicLong();
        LongAdder errors = new LongAdder();
        Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        run(client, request, concurrency, duration, latencies, count, errors, errorKinds);
        double seconds = (System.nanoTime() - started) / 1e9;
        int recorded = (int) Math.min(count.get(), latencies.length);
        long[] sorted = Arrays.copyOf(latencies, recorded);
        Arrays.sort(sorted);
        return new LoadRun(label, concurrency, count.get(), errors.sum(), seconds,
                percentile(sorted, 0.50) / 1_000, percentile(sorted, 0.99) / 1_000,
                errorKinds.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum())));
    }

    double requestsPerSecond() {
        return requests / seconds;
    }

    String line() {
        return "%-32s concurrency %3d  %8.0f req/s  p50 %7.2f ms  p99 %7.2f ms  (%d requests, %d errors%s)".formatted(
                label, concurrency, requestsPerSecond(), p50Micros / 1000.0, p99Micros / 1000.0, requests, errors,
                errorKinds.isEmpty() ? "" : " " + errorKinds);
    }

    private static void run(HttpClient client, Supplier<HttpRequest> request, int concurrency, Duration duration,
                            long[] latencies, AtomicLong count, LongAdder errors,
                            Map<String, LongAdder> errorKinds) {
        long deadline = System.nanoTime() + duration.toNanos();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < concurrency; i++) {
                workers.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        long begin = System.nanoTime();
                        try {
                            HttpResponse<Void> response = client.send(request.get(), HttpResponse.BodyHandlers.discarding());
                            if (response.statusCode() >= 400) {
                                errors.increment();
                                errorKinds.computeIfAbsent("HTTP " + response.statusCode(), k -> new LongAdder()).increment();
                            }
                        } catch (Exception e) {
                            errors.increment();
                            errorKinds.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
                        }
                        long index = count.getAndIncrement();
                        if (index < latencies.length) {
                            latencies[(int) index] = System.nanoTime() - begin;
                        }
                    }
                    return null;
                });
            }
        }
    }

    /** The {@code quantile} (0..1) of ascending {@code sorted} values (nearest rank); 0 when there are none. */
    static long percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }
}
