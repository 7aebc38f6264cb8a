package io.haat.platform.web.testapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.haat.test.HaatInfrastructure;
import io.haat.test.HaatIntegrationTest;
import io.haat.test.TestJwts;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Spring context of the web-platform tests (every subclass shares it): a real server on a random
 * port, real PostgreSQL with the platform migrations, real signed JWTs checked against a real JWKS, and
 * WireMock as the downstream service and token endpoint.
 */
@SpringBootTest(classes = PlatformWebTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=platform-web-test",
        "spring.flyway.locations=classpath:db/platform,classpath:db/web-test",
        "haat.security.public-paths=GET /test/public/**",
        // only 127.0.0.1 is "the gateway": a client on another loopback address (127.0.0.2) is anyone else
        "haat.web.trusted-proxies=127.0.0.1",
        "spring.cloud.openfeign.client.config.default.read-timeout=2000",
        "haat.feign.retry.period=10ms",
        "haat.feign.retry.max-period=50ms",
        "spring.security.oauth2.client.registration.haat-services.provider=haat-test-idp",
        "spring.security.oauth2.client.registration.haat-services.client-id=haat-services",
        "spring.security.oauth2.client.registration.haat-services.client-secret=test-secret",
        "spring.security.oauth2.client.registration.haat-services.authorization-grant-type=client_credentials"})
@HaatIntegrationTest
public abstract class PlatformWebIntegrationTest {

    protected static final JsonMapper JSON = JsonMapper.shared();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void downstream(DynamicPropertyRegistry registry) {
        registry.add("haat.test.downstream-url", TestDownstream::baseUrl);
        registry.add("spring.security.oauth2.client.provider.haat-test-idp.token-uri",
                () -> TestDownstream.baseUrl() + "/token");
    }

    protected static TestJwts jwt() {
        return HaatInfrastructure.get().jwt();
    }

    protected HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET());
    }

    protected HttpResponse<String> post(String path, String token, String json, String... headers) {
        HttpRequest.Builder request = request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    protected HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    protected static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static Map<String, Object> json(HttpResponse<String> response) {
        return JSON.readerForMapOf(Object.class).readValue(response.body());
    }
}
