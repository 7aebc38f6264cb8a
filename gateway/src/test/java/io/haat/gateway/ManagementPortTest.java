package io.haat.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.gateway.support.GatewayIntegrationTest;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With a management port of its own (Kubernetes: HAAT_MANAGEMENT_PORT=8081) the gateway's metrics are scraped there,
 * and its public port serves no actuator at all: no prometheus, and the probes move to the management port too.
 */
@TestPropertySource(properties = "management.server.port=0")
class ManagementPortTest extends GatewayIntegrationTest {

    @Value("${local.management.port}")
    int managementPort;

    @Test
    void metricsAndProbesAnswerOnTheManagementPortOnly() {
        assertThat(managementPort).isNotEqualTo(port);
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
        management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("application=\"gateway\""));
        management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();

        for (String path : new String[] {"/actuator/prometheus", "/actuator/info", "/actuator/health/readiness"}) {
            client.get().uri(URI.create("http://127.0.0.1:" + port + path)).exchange().expectStatus().isNotFound();
        }
    }
}
