package io.haat.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.gateway.routing.RouteTable;
import io.haat.test.HaatInfrastructure;
import io.haat.test.HaatIntegrationTest;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * Gateway overhead without a marketplace: the same lightweight GET sent directly to a stub service and through the
 * real gateway (JWT validation, rate limiting and the access log on), side by side in one run, warmed up, at
 * concurrency 16 (throughput) and 1 (latency the hop adds), on a public route ({@code GET /api/v1/categories}) and
 * on an authenticated one ({@code GET /api/v1/me} with a signed token the gateway validates). Only successful
 * responses count; errors are printed. Prints requests/s, p50/p99, the ratios and the JVM's JIT, collector and flags.
 * Goal (issue 17): at 16 connections ≥ 60% of direct throughput, one at a time ≤ 1 ms added at p50.
 *
 * <p>Client, gateway and stub share this JVM and the machine's cores, as they share the machine in the e2e
 * benchmark; the stub has event loops of its own, so a profile tells the gateway's threads ({@code reactor-http-*})
 * from the stub's ({@code bench-stub-*}). Tagged {@code benchmark}, outside {@code verify}:
 * {@code ./mvnw -pl gateway test -Dtest=GatewayOverheadBenchmarkTest -DexcludedGroups=none -Dgroups=benchmark};
 * {@code -Dgateway.benchmark.jfr=<dir>} records a JFR profile of each measured gateway run at concurrency 16 there
 * ({@code gateway/bench/hot-frames.py} prints its top frames). Asserts only that requests succeeded, never a time.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        // limits far above the load: the limiter runs on every request but never refuses
        "haat.gateway.rate-limits.default.replenish-rate=10000000",
        "haat.gateway.rate-limits.default.burst-capacity=10000000",
        // the access log stays on (INFO, ECS JSON) but goes to a file, as a container's stdout would, rather than
        // through surefire's console capture
        "logging.file.name=target/gateway-benchmark/gateway.log",
        "logging.structured.format.file=ecs",
        "logging.threshold.console=warn"
})
@HaatIntegrationTest
class GatewayOverheadBenchmarkTest {

    static {
        // production runs without -ea: assertions off for every class not yet initialized (Spring, Reactor, Netty)
        GatewayOverheadBenchmarkTest.class.getClassLoader().setDefaultAssertionStatus(false);
    }

    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("gateway.benchmark.warmup", 4));
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("gateway.benchmark.seconds", 6));
    private static final int[] CONCURRENCY = {16, 1};
    /**
     * Requests per route through the gateway before anything is measured: C2 compiles the gateway's path only after
     * thousands of calls, and on a busy 2-core machine a few seconds of warm-up leave half of it interpreted.
     */
    private static final long JIT_WARM_UP_REQUESTS = Long.getLong("gateway.benchmark.jit-warmup-requests", 30_000);
    private static final Duration JIT_WARM_UP_LIMIT = Duration.ofSeconds(Long.getLong("gateway.benchmark.jit-warmup-limit", 150));

    /** A small category tree, about the size of catalog-service's answer. */
    private static final String BODY = "[" + String.join(",", java.util.stream.IntStream.range(0, 8)
            .mapToObj(i -> "{\"id\":\"c-" + i + "\",\"name\":\"Category " + i + "\",\"slug\":\"category-" + i
                    + "\",\"parentId\":null,\"children\":[]}").toList()) + "]";

    private static final LoopResources STUB_LOOPS = LoopResources.create("bench-stub", 2, true);
    private static final DisposableServer STUB = HttpServer.create()
            .host("127.0.0.1").port(0)
            .runOn(STUB_LOOPS)
            .handle((request, response) -> response.header("Content-Type", "application/json")
                    .sendString(Mono.just(BODY), StandardCharsets.UTF_8))
            .bindNow();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        for (String service : RouteTable.SERVICES) {
            registry.add("haat.gateway.services." + service + ".uri", () -> "http://127.0.0.1:" + STUB.port());
        }
    }

    @AfterAll
    static void stopStub() {
        STUB.disposeNow();
        STUB_LOOPS.dispose();
    }

    @Test
    void gatewayOverhead() throws Exception {
        String token = HaatInfrastructure.get().jwt().builder().subject("bench-user").roles("CUSTOMER")
                .expiresAt(Instant.now().plus(Duration.ofHours(1))).sign();
        String direct = "http://127.0.0.1:" + STUB.port();
        String gateway = "http://127.0.0.1:" + port;
        List<Comparison> comparisons = List.of(
                new Comparison("public GET /categories", direct + "/categories", gateway + "/api/v1/categories", null),
                new Comparison("JWT GET /me", direct + "/me", gateway + "/api/v1/me", token));

        System.out.println("[benchmark] " + jvm());
        System.out.println("[benchmark] load average before: " + loadAverage());
        long warmStart = System.nanoTime();
        long warmedUp = 0;
        long compileStart = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        while (warmedUp < JIT_WARM_UP_REQUESTS * comparisons.size()
                && System.nanoTime() - warmStart < JIT_WARM_UP_LIMIT.toNanos()) {
            for (Comparison comparison : comparisons) {
                warmedUp += Load.warmUp(comparison.gatewayUri(), comparison.token(), 16, Duration.ofSeconds(2));
                Load.warmUp(comparison.directUri(), comparison.token(), 16, Duration.ofSeconds(1));
            }
        }
        System.out.printf(Locale.ROOT, "[benchmark] JIT warm-up: %d requests through the gateway in %.0f s (%.1f s of compilation)%n",
                warmedUp, (System.nanoTime() - warmStart) / 1e9,
                (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - compileStart) / 1000.0);
        String jfr = System.getProperty("gateway.benchmark.jfr");
        List<String> summary = new ArrayList<>();
        for (int concurrency : CONCURRENCY) {
            for (Comparison comparison : comparisons) {
                Load directRun = Load.measure("direct  " + comparison.directUri(), comparison.directUri(),
                        comparison.token(), concurrency, null);
                Path recording = jfr != null && concurrency > 1
                        ? Path.of(jfr, "gateway-" + comparison.label().split(" ")[0].toLowerCase(Locale.ROOT) + ".jfr")
                        : null;
                Load gatewayRun = Load.measure("gateway " + comparison.gatewayUri(), comparison.gatewayUri(),
                        comparison.token(), concurrency, recording);
                String ratio = String.format(Locale.ROOT,
                        "%-24s concurrency %2d: gateway/direct throughput %3.0f%%, p50 added %5.2f ms, p99 added %6.2f ms",
                        comparison.label(), concurrency, 100.0 * gatewayRun.perSecond() / directRun.perSecond(),
                        (gatewayRun.p50Micros() - directRun.p50Micros()) / 1000.0,
                        (gatewayRun.p99Micros() - directRun.p99Micros()) / 1000.0);
                System.out.println("[benchmark] " + directRun.line());
                System.out.println("[benchmark] " + gatewayRun.line());
                System.out.println("[benchmark] " + ratio);
                summary.add(ratio);

                assertThat(directRun.successes()).isPositive();
                assertThat(gatewayRun.successes()).isPositive();
                assertThat(directRun.errors()).as(directRun.line()).isZero();
                assertThat(gatewayRun.errors()).as(gatewayRun.line()).isZero();
            }
        }
        System.out.println("[benchmark] load average after: " + loadAverage());
        summary.forEach(line -> System.out.println("[benchmark] " + line));
    }

    private record Comparison(String label, String directUri, String gatewayUri, String token) {
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** What the figures were measured with. */
    private static String jvm() {
        var runtime = ManagementFactory.getRuntimeMXBean();
        var compiler = ManagementFactory.getCompilationMXBean();
        String gcs = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", "));
        String tiered = "?";
        try {
            tiered = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .getVMOption("TieredStopAtLevel").getValue();
        } catch (RuntimeException e) {
            // not HotSpot
        }
        // what a library class initialized from now on gets (the test class itself was compiled in with -ea)
        boolean reactorAssertions = reactor.core.publisher.Mono.class.desiredAssertionStatus()
                || org.springframework.cloud.gateway.route.Route.class.desiredAssertionStatus();
        return String.format(Locale.ROOT, "%s %s, %d CPUs, JIT %s (TieredStopAtLevel %s), GC %s, max heap %.0f MB, "
                        + "assertions in the gateway's libraries %s, flags %s", runtime.getVmName(), runtime.getVmVersion(),
                Runtime.getRuntime().availableProcessors(), compiler == null ? "none" : compiler.getName(), tiered, gcs,
                Runtime.getRuntime().maxMemory() / 1e6, reactorAssertions ? "ON (not production)" : "off",
                runtime.getInputArguments());
    }

    /** A closed loop: {@code concurrency} virtual threads send the same GET back to back for a fixed time. */
    private record Load(String label, int concurrency, long successes, long errors, double seconds, long p50Micros,
                        long p99Micros, Map<String, Long> errorKinds) {

        /** Successful requests sent in {@code duration}. */
        static long warmUp(String uri, String token, int concurrency, Duration duration) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10)).GET();
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            AtomicLong count = new AtomicLong();
            run(client, builder.build(), concurrency, duration, new long[0], count, new LongAdder(),
                    new ConcurrentHashMap<>());
            client.close();
            return count.get();
        }

        static Load measure(String label, String uri, String token, int concurrency, Path recording) throws Exception {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10)).GET();
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            HttpRequest request = builder.build();
            run(client, request, concurrency, WARM_UP, new long[1_000_000], new AtomicLong(), new LongAdder(),
                    new ConcurrentHashMap<>());
            long[] latencies = new long[2_000_000];
            AtomicLong count = new AtomicLong();
            LongAdder errors = new LongAdder();
            Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();
            Recording jfr = null;
            if (recording != null) {
                Files.createDirectories(recording.getParent());
                jfr = new Recording(Configuration.getConfiguration("profile"));
                jfr.setDestination(recording);
                jfr.start();
            }
            long started = System.nanoTime();
            run(client, request, concurrency, MEASURE, latencies, count, errors, errorKinds);
            double seconds = (System.nanoTime() - started) / 1e9;
            if (jfr != null) {
                jfr.stop();
                jfr.close();
            }
            int recorded = (int) Math.min(count.get(), latencies.length);
            long[] sorted = Arrays.copyOf(latencies, recorded);
            Arrays.sort(sorted);
            client.close();
            return new Load(label, concurrency, count.get(), errors.sum(), seconds,
                    percentile(sorted, 0.50) / 1_000, percentile(sorted, 0.99) / 1_000,
                    errorKinds.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum())));
        }

        double perSecond() {
            return successes / seconds;
        }

        String line() {
            return String.format(Locale.ROOT, "%-52s c=%2d %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  (%d ok, %d errors%s)",
                    label, concurrency, perSecond(), p50Micros / 1000.0, p99Micros / 1000.0, successes, errors,
                    errorKinds.isEmpty() ? "" : " " + errorKinds);
        }

        /** Latencies of successful responses only; failures are counted apart. */
        private static void run(HttpClient client, HttpRequest request, int concurrency, Duration duration,
                                long[] latencies, AtomicLong count, LongAdder errors, Map<String, LongAdder> errorKinds) {
            long deadline = System.nanoTime() + duration.toNanos();
            try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < concurrency; i++) {
                    workers.submit(() -> {
                        while (System.nanoTime() < deadline) {
                            long begin = System.nanoTime();
                            try {
                                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                                if (response.statusCode() != 200) {
                                    errors.increment();
                                    errorKinds.computeIfAbsent("HTTP " + response.statusCode(), k -> new LongAdder())
                                            .increment();
                                    continue;
                                }
                            } catch (Exception e) {
                                errors.increment();
                                errorKinds.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
                                continue;
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

        private static long percentile(long[] sorted, double quantile) {
            if (sorted.length == 0) {
                return 0;
            }
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
        }
    }
}
