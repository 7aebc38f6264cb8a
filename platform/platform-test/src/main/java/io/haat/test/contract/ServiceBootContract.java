package io.haat.test.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.haat.test.HaatInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * What every Haat service promises once it boots, whatever its features: health probes, Prometheus
 * metrics tagged with its name, OpenAPI, problem+json for unauthenticated and unknown requests, and
 * its database migrated. A service's boot test extends this next to {@code @SpringBootTest(webEnvironment
 * = RANDOM_PORT)} and {@code @HaatIntegrationTest}.
 */
public abstract class ServiceBootContract {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @Value("${spring.application.name}")
    protected String applicationName;

    @Autowired
    protected ApplicationContext context;

    protected HttpResponse<String> get(String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void livenessAndReadinessAreUp() throws Exception {
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health")) {
            HttpResponse<String> response = get(probe, null);
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(response.body()).as(probe).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void prometheusMetricsCarryTheServiceName() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("application=\"" + applicationName + "\"");
    }

    @Test
    void publishesItsOpenApiDocument() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"openapi\"");
    }

    @Test
    void refusesRequestsWithoutATokenAsProblemJson() throws Exception {
        HttpResponse<String> response = get("/no-such-resource", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void answersAnUnknownPathWithA404Problem() throws Exception {
        String token = HaatInfrastructure.get().jwt().token("contract-user", "CUSTOMER");
        HttpResponse<String> response = get("/no-such-resource", token);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("java.");
    }

    @Test
    void appliesThePlatformMigrationsWhenItOwnsAPostgresDatabase() throws Exception {
        DataSource dataSource = context.getBeanProvider(DataSource.class).getIfAvailable();
        assumeTrue(dataSource != null, "not a PostgreSQL service");
        List<String> versions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select version from flyway_schema_history where success order by installed_rank")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        assertThat(versions).contains("0.1", "0.2", "0.3");
    }
}
