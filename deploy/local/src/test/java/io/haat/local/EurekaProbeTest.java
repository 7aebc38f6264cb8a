package io.haat.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Discovery answers only clients with the registry's credentials; the launcher's registration check sends them. */
class EurekaProbeTest {

    private HttpServer registry;

    @BeforeEach
    void startRegistry() throws Exception {
        registry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        registry.createContext("/eureka/apps/", exchange -> {
            boolean known = Probes.basic("dev-only-eureka", "dev-only-eureka-password")
                    .equals(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = (known ? "{\"status\":\"UP\"}" : "").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(known ? 200 : 401, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        registry.start();
    }

    @AfterEach
    void stopRegistry() {
        registry.stop(0);
    }

    @Test
    void theRegistrationCheckAuthenticatesWithTheDevelopmentCredentials() {
        String url = "http://127.0.0.1:" + registry.getAddress().getPort() + "/eureka/apps/SELLER-SERVICE";

        assertThat(Probes.httpGet(url, "application/json")).as("anonymous").isEmpty();
        assertThat(Probes.httpGet(url, "application/json", SpringServicePart.EUREKA_AUTHORIZATION))
                .contains("{\"status\":\"UP\"}");
    }

    @Test
    void aSecondInstanceIsRegisteredWhenItsOwnPortIsListedUp() {
        String two = "{\"application\":{\"name\":\"CATALOG-SERVICE\",\"instance\":["
                + "{\"instanceId\":\"10.0.0.5:catalog-service:8082\",\"status\":\"UP\",\"port\":{\"$\":8082,\"@enabled\":\"true\"}},"
                + "{\"instanceId\":\"10.0.0.5:catalog-service:18082\",\"status\":\"STARTING\",\"port\":{\"$\":18082,\"@enabled\":\"true\"}}]}}";

        assertThat(SpringServicePart.instanceUp(two, 8082)).isTrue();
        assertThat(SpringServicePart.instanceUp(two, 18082)).as("listed, but not UP yet").isFalse();
        assertThat(SpringServicePart.instanceUp(two.replace("STARTING", "UP"), 18082)).isTrue();
        assertThat(SpringServicePart.instanceUp(two, 1808)).as("another port").isFalse();
    }
}
