package io.haat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Gateway overhead: the same lightweight GET called directly on the service and through the gateway, same run, same
 * concurrency — the public category tree (catalog-service) and the signed-in customer's profile ({@code GET /me},
 * identity-service, with the same access token both ways: the gateway validates it too). Prints both and the ratio;
 * asserts only that nothing failed. Target (issue 17): through the gateway at least 60% of direct throughput and at
 * most 1 ms added at p50. The gateway's own profile: gateway's {@code GatewayOverheadBenchmarkTest}.
 */
@Tag("benchmark")
@Order(Integer.MAX_VALUE - 4) // after the functional tests: load must not disturb them
class GatewayOverheadBenchmarkIT {

    private static final int CONCURRENCY = 16;
    // 8 runs: in verify short ones (the ratio is stable within a few per cent at 3 s), -Pbench the longer ones
    private static final Duration WARM_UP = BenchScale.of(Duration.ofSeconds(3), Duration.ofSeconds(2));
    private static final Duration MEASURE = BenchScale.of(Duration.ofSeconds(8), Duration.ofSeconds(3));

    @Test
    void gatewayOverheadOnALightweightGet() {
        Marketplace.get();
        Accounts.Account customer = Accounts.newVerified("CUSTOMER");
        // saturated (throughput) and one client at a time (latency added by the hop itself, without queueing)
        for (int concurrency : new int[] {CONCURRENCY, 1}) {
            compare("public GET /categories", concurrency, null,
                    "direct  GET :8082/categories", "http://localhost:8082/categories",
                    "gateway GET /api/v1/categories", Gateway.url("/api/v1/categories"));
            // access tokens live 5 minutes: a fresh one for each pair of runs
            String token = Accounts.loggedInAgain(customer).accessToken();
            compare("JWT GET /me", concurrency, token,
                    "direct  GET :8081/me", "http://localhost:8081/me",
                    "gateway GET /api/v1/me", Gateway.url("/api/v1/me"));
        }
    }

    private static void compare(String what, int concurrency, String token, String directLabel, String directUrl,
                                String gatewayLabel, String gatewayUrl) {
        LoadRun direct = LoadRun.measure(directLabel, URI.create(directUrl), token, concurrency, WARM_UP, MEASURE);
        LoadRun gateway = LoadRun.measure(gatewayLabel, URI.create(gatewayUrl), token, concurrency, WARM_UP, MEASURE);

        System.out.println("[benchmark] gateway overhead, " + what + ", concurrency " + concurrency + ", "
                + MEASURE.toSeconds() + " s measured, " + BenchScale.label());
        System.out.println("[benchmark] " + direct.line());
        System.out.println("[benchmark] " + gateway.line());
        System.out.printf("[benchmark] throughput ratio gateway/direct %.0f%%, p50 added %.2f ms, p99 added %.2f ms%n",
                100.0 * gateway.requestsPerSecond() / direct.requestsPerSecond(),
                (gateway.p50Micros() - direct.p50Micros()) / 1000.0,
                (gateway.p99Micros() - direct.p99Micros()) / 1000.0);

        String benchmark = "Gateway overhead, " + what;
        BenchReport.row(benchmark, direct);
        BenchReport.row(benchmark, gateway);
        BenchReport.row(benchmark, "gateway vs direct, concurrency " + concurrency,
                "throughput %.0f%% of direct, p50 %+.2f ms, p99 %+.2f ms".formatted(
                        100.0 * gateway.requestsPerSecond() / direct.requestsPerSecond(),
                        (gateway.p50Micros() - direct.p50Micros()) / 1000.0,
                        (gateway.p99Micros() - direct.p99Micros()) / 1000.0));

        assertThat(direct.errors()).as(direct.line()).isZero();
        assertThat(gateway.errors()).as(gateway.line()).isZero();
    }
}
