package io.haat.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DiscoveryApplicationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Value("${eureka.server.enable-self-preservation}")
    boolean selfPreservation;

    /** The development credentials every local client sends (application.yml). */
    private static final String CLIENT = "Basic " + Base64.getEncoder()
            .encodeToString("dev-only-eureka:dev-only-eureka-password".getBytes(StandardCharsets.UTF_8));

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", accept)
                .GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder register(String app, String instanceId) {
        String instance = """
                {"instance": {"instanceId": "%2$s", "hostName": "10.6.6.6", "app": "%1$s", "ipAddr": "10.6.6.6",
                  "status": "UP", "port": {"$": 8081, "@enabled": "true"},
                  "dataCenterInfo": {"@class": "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo",
                                     "name": "MyOwn"}}}
                """.formatted(app, instanceId);
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/eureka/apps/" + app))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(instance));
    }

    @Test
    void probesAreUp() throws Exception {
        for (String probe : new String[] {"/actuator/health/readiness", "/actuator/health/liveness"}) {
            HttpResponse<String> response = get(probe, "application/json");
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(response.body()).as(probe).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void anonymousRegistrationOfAFakeIdentityServiceIsRefused() throws Exception {
        HttpResponse<String> response = send(register("IDENTITY-SERVICE", "intruder:identity-service:8081"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/eureka/apps"))
                .header("Accept", "application/json").header("Authorization", CLIENT).GET()).body())
                .doesNotContain("intruder");
        assertThat(get("/eureka/apps", "application/json").statusCode()).as("anonymous fetch").isEqualTo(401);
        HttpRequest.Builder wrong = register("IDENTITY-SERVICE", "intruder:identity-service:8081")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "dev-only-eureka:guessed".getBytes(StandardCharsets.UTF_8)));
        assertThat(send(wrong).statusCode()).as("wrong password").isEqualTo(401);
    }

    @Test
    void aClientWithTheCredentialsRegisters() throws Exception {
        HttpResponse<String> response = send(register("CREDENTIALED-SERVICE", "host:credentialed-service:8081")
                .header("Authorization", CLIENT));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/eureka/apps/CREDENTIALED-SERVICE"))
                .header("Accept", "application/json").header("Authorization", CLIENT).GET()).body())
                .contains("host:credentialed-service:8081");
    }

    @Test
    void registryAnswersAndIsEmptyBecauseTheServerDoesNotRegisterWithItself() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/eureka/apps")).header("Accept", "application/json").header("Authorization", CLIENT).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"applications\"").doesNotContain("\"name\":\"DISCOVERY\"");
    }

    @Autowired
    UserDetailsService registryClient;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void theClientsPasswordIsNeverTurnedIntoASlowHashThatEveryHeartbeatWouldPay() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/eureka/apps"))
                    .header("Accept", "application/json").header("Authorization", CLIENT).GET()).statusCode())
                    .isEqualTo(200);
        }

        // Boot's default user is "upgraded" to {bcrypt} at its first sign-in; this one stays as configured
        String stored = registryClient.loadUserByUsername("dev-only-eureka").getPassword();
        assertThat(stored).isEqualTo("dev-only-eureka-password");
        assertThat(registryClient).isNotInstanceOf(UserDetailsPasswordService.class);
        assertThat(passwords.matches("dev-only-eureka-password", stored)).isTrue();
        assertThat(passwords.matches("dev-only-eureka-passwore", stored)).isFalse();
        assertThat(passwords.matches("dev-only-eureka-password ", stored)).isFalse();
        assertThatThrownBy(() -> registryClient.loadUserByUsername("someone-else"))
                .isInstanceOf(UsernameNotFoundException.class);
    }

    @Test
    void selfPreservationIsOffLocally() {
        assertThat(selfPreservation).isFalse();
    }

    @Test
    void prometheusMetricsAreExposed() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus", "text/plain");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("application=\"discovery\"");
    }
}
