package io.haat.test.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import io.haat.test.HaatInfrastructure;
import io.haat.test.HaatInfrastructureInitializer;
import io.haat.test.HaatIntegrationTest;
import io.haat.test.TestJwts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestConstructor;
import org.springframework.test.context.TestConstructor.AutowireMode;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "spring.application.name=sample-app",
        "spring.kafka.consumer.auto-offset-reset=latest" })
@HaatIntegrationTest
@TestConstructor(autowireMode = AutowireMode.ALL)
class HaatIntegrationTestTest {

    private final Environment environment;
    private final HaatInfrastructure infrastructure = HaatInfrastructure.get();

    HaatIntegrationTestTest(Environment environment) {
        this.environment = environment;
    }

    @Test
    void datasourcePointsAtAFreshUsableDatabase() throws Exception {
        String url = environment.getProperty("spring.datasource.url");
        assertThat(url).startsWith(infrastructure.postgres().jdbcUrl("sample_app_"));
        assertThat(environment.getProperty("spring.datasource.hikari.maximum-pool-size")).isEqualTo("5");

        try (Connection connection = DriverManager.getConnection(url,
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"));
                Statement statement = connection.createStatement()) {
            try (ResultSet tables = statement.executeQuery(
                    "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
                tables.next();
                assertThat(tables.getInt(1)).as("a fresh database is empty").isZero();
            }
            statement.execute("CREATE TABLE IF NOT EXISTS probe (id INT)");
        }
    }

    @Test
    void kafkaMongoAndJwtPropertiesLand() {
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers"))
                .isEqualTo(infrastructure.kafkaBootstrapServers());
        assertThat(environment.getProperty("spring.mongodb.uri"))
                .startsWith(infrastructure.mongoConnectionString() + "/sample_app_")
                .endsWith("/" + environment.getProperty("spring.mongodb.database"));
        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
                .isEqualTo(infrastructure.jwt().issuer());
        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri"))
                .isEqualTo(infrastructure.jwt().jwksUri());
        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.audiences")).isEqualTo("haat-api");
        assertThat(environment.getProperty("eureka.client.enabled", Boolean.class)).isFalse();
    }

    @Test
    void explicitTestPropertiesWinOverTheInfrastructureDefaults() {
        assertThat(environment.getProperty("spring.kafka.consumer.auto-offset-reset")).isEqualTo("latest");
    }

    @Test
    void everyContextGetsItsOwnDatabases() {
        try (ConfigurableApplicationContext first = run("Other App");
                ConfigurableApplicationContext second = run("Other App")) {
            Environment one = first.getEnvironment();
            Environment two = second.getEnvironment();

            assertThat(one.getProperty("spring.datasource.url")).contains("/other_app_")
                    .isNotEqualTo(two.getProperty("spring.datasource.url"))
                    .isNotEqualTo(environment.getProperty("spring.datasource.url"));
            assertThat(one.getProperty("spring.mongodb.database")).startsWith("other_app_")
                    .isNotEqualTo(two.getProperty("spring.mongodb.database"));
            assertThat(one.getProperty("spring.kafka.consumer.auto-offset-reset")).isEqualTo("earliest");
            assertThat(one.getProperty("haat.test.context-id")).hasSize(8)
                    .isNotEqualTo(two.getProperty("haat.test.context-id"));
        }
    }

    @Test
    void resourceServerAcceptsOnlyGoodTokensFromTheTestIssuer() throws Exception {
        TestJwts jwts = infrastructure.jwt();

        assertThat(call(jwts.token("user-7", "CUSTOMER"))).isEqualTo("200 user-7");
        assertThat(call(null)).isEqualTo("401 ");
        assertThat(call(jwts.builder().subject("mallory").signWithForeignKey())).startsWith("401");
        assertThat(call(jwts.builder().subject("mallory").unsigned())).startsWith("401");
        assertThat(call(jwts.builder().audience("another-api").sign())).startsWith("401");
        assertThat(call(jwts.builder().issuer("http://127.0.0.1:1/realms/haat").sign())).startsWith("401");
        assertThat(call(jwts.builder().expiresAt(Instant.now().minus(Duration.ofMinutes(10))).sign()))
                .startsWith("401");
    }

    private String call(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + "/me"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        }
    }

    private static ConfigurableApplicationContext run(String name) {
        return new SpringApplicationBuilder(SampleApplication.class).initializers(new HaatInfrastructureInitializer())
                .web(WebApplicationType.NONE).properties("spring.application.name=" + name).logStartupInfo(false)
                .run();
    }

}
