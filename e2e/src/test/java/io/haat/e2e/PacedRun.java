package io.haat.e2e;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One request at a time, started every {@code interval} (open loop, so a rate limit set above that pace is never
 * exceeded). The latency figures are of the successful (2xx) answers only; refusals are counted apart by status and
 * requests that got no answer by exception, so a run full of fast 429s cannot pass for fast logins.
 */
record PacedRun(String label, Duration interval, int sent, long p50Micros, long p99Micros, int succeeded,
                Map<Integer, Long> refusedByStatus, Map<String, Long> unanswered) {

    static PacedRun run(String label, Supplier<HttpRequest> request, int count, Duration interval) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long[] latencies = new long[count];
        int succeeded = 0;
        Map<Integer, Long> refused = new TreeMap<>();
        Map<String, Long> unanswered = new TreeMap<>();
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long begin = System.nanoTime();
            try {
                int status = client.send(request.get(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    latencies[succeeded++] = System.nanoTime() - begin;
                } else {
                    refused.merge(status, 1L, Long::sum);
                }
            } catch (Exception e) {
                unanswered.merge(e.getClass().getSimpleName(), 1L, Long::sum);
            }
            long next = started + (i + 1) * interval.toNanos();
            LockSupport.parkNanos(Math.max(0, next - System.nanoTime())); // the pace
        }
        long[] sorted = Arrays.copyOf(latencies, succeeded);
        Arrays.sort(sorted);
        return new PacedRun(label, interval, count, percentile(sorted, 0.50) / 1_000, percentile(sorted, 0.99) / 1_000,
                succeeded, Collections.unmodifiableMap(refused), Collections.unmodifiableMap(unanswered));
    }

    boolean allSucceeded() {
        return succeeded == sent;
    }

    /** Whether every refusal is one a too-fast pace causes: the rate limit (429) or a brute-force lock (423). */
    boolean refusedOnlyForPace() {
        return unanswered.isEmpty() && refusedByStatus.keySet().stream().allMatch(status -> status == 429 || status == 423);
    }

    /** The figures, of successful requests only. */
    String line() {
        return "%-32s one every %d ms  p50 %7.2f ms  p99 %7.2f ms  (%d successful of %d sent)".formatted(
                label, interval.toMillis(), p50Micros / 1000.0, p99Micros / 1000.0, succeeded, sent);
    }

    /** What was not successful, by status and by exception; empty when everything was. */
    String failures() {
        String refusals = refusedByStatus.entrySet().stream()
                .map(e -> "HTTP " + e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "));
        String errors = unanswered.entrySet().stream()
                .map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "));
        return Stream.of(refusals, errors).filter(s -> !s.isEmpty()).collect(Collectors.joining("; "));
    }

    private static long percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }
}
