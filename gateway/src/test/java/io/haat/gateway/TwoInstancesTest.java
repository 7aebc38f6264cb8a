package io.haat.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.gateway.routing.RouteTable;
import io.haat.gateway.routing.UnreachableInstances;
import io.haat.gateway.support.BackendStubs;
import io.haat.test.HaatIntegrationTest;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * catalog-service behind the load balancer ({@code lb://catalog-service}) with two instances listed by discovery, one
 * of them dead (its port refuses connections): a crashed instance that Eureka keeps listing until its lease expires.
 * Issue 16, scenario 7, at the gateway's level (e2e's FaultsIT kills a real second instance). A context of its own:
 * the other integration tests route straight to {@link BackendStubs}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        "haat.gateway.resilience.retry-first-backoff=10ms",
        "haat.gateway.resilience.retry-max-backoff=20ms"
})
@HaatIntegrationTest
class TwoInstancesTest {

    private static final URI LIVE = URI.create(BackendStubs.get().uriOf(RouteTable.CATALOG));
    private static final URI DEAD = URI.create(BackendStubs.get().uriOf(BackendStubs.DOWN_SERVICE));

    @DynamicPropertySource
    static void catalogBehindTheLoadBalancer(DynamicPropertyRegistry registry) {
        registry.add("haat.gateway.services.catalog-service.uri", () -> "lb://catalog-service");
        registry.add("spring.cloud.discovery.client.simple.instances.catalog-service[0].uri", DEAD::toString);
        registry.add("spring.cloud.discovery.client.simple.instances.catalog-service[1].uri", LIVE::toString);
    }

    @LocalServerPort
    private int port;

    @Autowired
    private UnreachableInstances unreachable;

    @Test
    void everyReadIsAnsweredByTheLiveInstanceAndTheDeadOneIsLeftOut() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
        String path = "/categories/two-instances-" + UUID.randomUUID();
        for (int i = 0; i < 20; i++) {
            client.get().uri("/api/v1" + path).exchange().expectStatus().isOk();
        }

        assertThat(BackendStubs.get().received("GET", path)).as("each read reached the live instance once").hasSize(20);
        assertThat(unreachable.inQuarantine()).containsExactly(DEAD.getHost() + ":" + DEAD.getPort());
    }
}
