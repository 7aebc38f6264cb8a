package io.haat.gateway.support;

import io.haat.gateway.routing.RouteTable;
import io.haat.test.HaatInfrastructure;
import io.haat.test.HaatIntegrationTest;
import io.haat.test.TestJwts;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the gateway's integration tests: the real gateway on a random port, its services replaced by
 * {@link BackendStubs}, JWTs from platform-test's issuer. Every subclass shares this one configuration,
 * hence one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        "haat.gateway.cors.allowed-origins=https://shop.example",
        "haat.gateway.max-request-size=64KB",
        "haat.gateway.rate-limits.default.replenish-rate=1000",
        "haat.gateway.rate-limits.default.burst-capacity=2000",
        // one token per 100 s: the login limit cannot refill while a test on a busy machine is still hammering it
        "haat.gateway.rate-limits.auth.replenish-rate=0.01",
        "haat.gateway.rate-limits.auth.burst-capacity=3",
        "haat.gateway.resilience.retry-first-backoff=10ms",
        "haat.gateway.resilience.retry-max-backoff=20ms",
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=" + GatewayIntegrationTest.RESPONSE_TIMEOUT,
        // the test client plays a trusted ingress on loopback: X-Forwarded-For names the client, so each test
        // can be its own client
        "haat.gateway.trusted-proxies=127.0.0.1,::1"
})
@HaatIntegrationTest
public abstract class GatewayIntegrationTest {

    /** The gateway's response timeout in the tests; BackendStubs' delays are set far from it. */
    public static final String RESPONSE_TIMEOUT = "2s";

    protected static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @LocalServerPort
    protected int port;

    protected WebTestClient client;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        BackendStubs stubs = BackendStubs.get();
        for (String service : RouteTable.SERVICES) {
            registry.add("haat.gateway.services." + service + ".uri", () -> stubs.uriOf(service));
        }
    }

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    protected static TestJwts jwts() {
        return HaatInfrastructure.get().jwt();
    }

    /** A valid token for a fresh user with these roles. */
    protected static String token(String... roles) {
        return jwts().token(UUID.randomUUID().toString(), roles);
    }

    protected static BackendStubs stubs() {
        return BackendStubs.get();
    }

    /** A client address of its own, so that rate-limit buckets of different tests never meet. */
    protected static String freshIp() {
        UUID random = UUID.randomUUID();
        return "198.51." + (random.getLeastSignificantBits() & 0xff) + "." + (random.getMostSignificantBits() & 0xff);
    }
}
