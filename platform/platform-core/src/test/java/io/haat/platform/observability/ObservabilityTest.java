package io.haat.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

import io.haat.platform.web.testapp.PlatformWebIntegrationTest;

/** Request ids, JSON logs with trace ids, metrics tags and the platform defaults loader. */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTest extends PlatformWebIntegrationTest {

    @Autowired
    private ConfigurableEnvironment environment;

    @Test
    void aSaneIncomingRequestIdIsKeptAndEchoed() {
        HttpResponse<String> response = send(request("/test/public/ping", null).header("X-Request-Id", "gw-42.abc"));

        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("gw-42.abc");
    }

    @Test
    void aMissingOrUnsafeRequestIdIsReplacedByANewOne() {
        HttpResponse<String> missing = get("/test/public/ping", null);
        HttpResponse<String> unsafe = send(request("/test/public/ping", null).header("X-Request-Id", "bad id\" {}"));

        assertThat(missing.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> UUID.fromString(id));
        assertThat(unsafe.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> UUID.fromString(id));
        // also on responses produced by the security filters
        assertThat(get("/test/secure/me", null).headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void logLinesAreJsonWithTraceSpanAndRequestIds(CapturedOutput output) {
        UUID item = UUID.randomUUID();
        String requestId = "log-check-" + item;

        send(request("/test/problems/items/" + item, jwt().token(UUID.randomUUID().toString()))
                .header("X-Request-Id", requestId));

        String line = output.getOut().lines().filter(l -> l.contains("Looking up test item " + item))
                .findFirst().orElseThrow();
        Map<String, Object> entry = JSON.readerForMapOf(Object.class).readValue(line);
        assertThat(entry).containsEntry("message", "Looking up test item " + item)
                .containsEntry("requestId", requestId)
                .containsKeys("@timestamp", "traceId", "spanId");
        assertThat((String) entry.get("traceId")).matches("[0-9a-f]{32}");
        assertThat((String) entry.get("spanId")).matches("[0-9a-f]{16}");
    }

    @Test
    void everyMetricCarriesTheServiceName() {
        HttpResponse<String> scrape = get("/actuator/prometheus", null);

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body().lines().filter(l -> l.startsWith("jvm_threads_live_threads")))
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains("application=\"platform-web-test\""));
    }

    @Test
    void platformDefaultsAreTheLowestPrioritySourcesAndLoseToServiceSettings() {
        List<String> names = environment.getPropertySources().stream().map(PropertySource::getName).toList();
        int firstDefaults = names.indexOf(names.stream().filter(n -> n.startsWith("haat-defaults:")).findFirst().orElseThrow());
        // below every source a service or test controls (Boot adds a few runtime fallbacks after them)
        assertThat(names.subList(0, firstDefaults)).contains("systemProperties", "systemEnvironment")
                .anySatisfy(n -> assertThat(n).contains("Inlined Test Properties"));
        assertThat(names.subList(firstDefaults, names.size())).noneMatch(n -> n.contains("Config resource")
                || n.contains("Test Properties") || n.startsWith("system") || n.equals("defaultProperties"));
        assertThat(names).filteredOn(n -> n.startsWith("haat-defaults:"))
                .anySatisfy(n -> assertThat(n).contains("observability-defaults.properties"))
                .anySatisfy(n -> assertThat(n).contains("feign-defaults.properties"));

        assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");
        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
        assertThat(environment.getProperty("spring.mvc.problemdetails.enabled")).isEqualTo("true");
        // feign-defaults.properties says 5000; the test's own property wins
        assertThat(environment.getProperty("spring.cloud.openfeign.client.config.default.read-timeout")).isEqualTo("2000");
        // platform-test's issuer wins over the local Keycloak default
        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
                .isEqualTo(jwt().issuer());
    }
}
