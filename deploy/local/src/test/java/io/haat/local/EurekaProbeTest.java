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
}
