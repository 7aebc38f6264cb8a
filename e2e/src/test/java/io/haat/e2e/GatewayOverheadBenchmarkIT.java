package io.haat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Gateway overhead: the same lightweight GET (the public category tree) called directly on catalog-service and
 * through the gateway, same run, same concurrency. Prints both and the ratio; asserts only that nothing failed.
 * Target (issue 3): through the gateway at least 60% of direct throughput and at most 1 ms added at p50.
 */
@Tag("benchmark")
@Order(Integer.MAX_VALUE - 3) // after the functional tests: load must not disturb them
class GatewayOverheadBenchmarkIT {

    private static final int CONCURRENCY = 16;
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final Duration MEASURE = Duration.ofSeconds(8);

    @Test
    void gatewayOverheadOnALightweightGet() {
        Marketplace.get();
        // saturated (throughput) and one client at a time (latency added by the hop itself, without queueing)
        for (int concurrency : new int[] {CONCURRENCY, 1}) {
            LoadRun direct = LoadRun.measure("direct  GET :8082/categories",
                    URI.create("http://localhost:8082/categories"), null, concurrency, WARM_UP, MEASURE);
            LoadRun gateway = LoadRun.measure("gateway GET /api/v1/categories",
                    URI.create(Gateway.url("/api/v1/categories")), null, concurrency, WARM_UP, MEASURE);

            System.out.println("[benchmark] gateway overhead, concurrency " + concurrency);
            System.out.println("[benchmark] " + direct.line());
            System.out.println("[benchmark] " + gateway.line());
            System.out.printf("[benchmark] throughput ratio gateway/direct %.0f%%, p50 added %.2f ms, p99 added %.2f ms%n",
                    100.0 * gateway.requestsPerSecond() / direct.requestsPerSecond(),
                    (gateway.p50Micros() - direct.p50Micros()) / 1000.0,
                    (gateway.p99Micros() - direct.p99Micros()) / 1000.0);

            assertThat(direct.errors()).isZero();
            assertThat(gateway.errors()).isZero();
        }
    }
}
