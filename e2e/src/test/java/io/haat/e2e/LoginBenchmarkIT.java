package io.haat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Login latency (issue 4): {@code POST /api/v1/auth/login} through the gateway and identity-service versus
 * Keycloak's token endpoint called directly, same run, same concurrency. Prints both; asserts only that the
 * logins succeeded (the suite lifts the login rate limit far enough for this load).
 */
@Tag("benchmark")
class LoginBenchmarkIT {

    private static final int CONCURRENCY = 4;
    private static final Duration WARM_UP = Duration.ofSeconds(2);
    private static final Duration MEASURE = Duration.ofSeconds(6);

    @Test
    void loginThroughTheGatewayVersusKeycloakDirectly() {
        Marketplace.get();
        HttpRequest direct = HttpRequest.newBuilder(
                        URI.create(Marketplace.get().issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Gateway.form(Map.of("grant_type", "password",
                        "client_id", "haat-web", "username", "customer@haat.local", "password", "haat-customer"))))
                .build();
        HttpRequest gateway = Gateway.request("/api/v1/auth/login", null)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\": \"customer@haat.local\", \"password\": \"haat-customer\"}"))
                .build();

        LoadRun keycloak = LoadRun.measure("keycloak token endpoint", direct, CONCURRENCY, WARM_UP, MEASURE);
        LoadRun login = LoadRun.measure("gateway POST /api/v1/auth/login", gateway, CONCURRENCY, WARM_UP, MEASURE);

        System.out.println("[benchmark] login latency");
        System.out.println("[benchmark] " + keycloak.line());
        System.out.println("[benchmark] " + login.line());
        System.out.printf("[benchmark] gateway+identity add %.2f ms at p50, %.2f ms at p99; throughput ratio %.0f%%%n",
                (login.p50Micros() - keycloak.p50Micros()) / 1000.0, (login.p99Micros() - keycloak.p99Micros()) / 1000.0,
                100.0 * login.requestsPerSecond() / keycloak.requestsPerSecond());

        assertThat(keycloak.errors()).isZero();
        assertThat(login.errors()).as("failed or throttled logins").isZero();
    }
}
