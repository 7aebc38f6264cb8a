package io.haat.gateway.routing;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The gateway registers with and fetches from discovery with the registry's credentials ({@code haat.eureka.username}
 * / {@code haat.eureka.password}, i.e. {@code HAAT_EUREKA_USERNAME} / {@code HAAT_EUREKA_PASSWORD}; the
 * {@code dev-only-} defaults work only against a developer's discovery): they go into every URL of
 * {@code eureka.client.service-url.defaultZone} that has no user, as Eureka sends a URL's user info as HTTP basic.
 * The same rule as platform-core's {@code EurekaCredentialsEnvironmentPostProcessor} (the gateway is reactive and
 * does not depend on platform-core).
 */
public class EurekaCredentialsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String DEFAULT_ZONE = "eureka.client.service-url.defaultZone";
    private static final String SOURCE_NAME = "haat-eureka-credentials";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String username = environment.resolvePlaceholders(
                environment.getProperty("haat.eureka.username", "${HAAT_EUREKA_USERNAME:dev-only-eureka}"));
        String password = environment.resolvePlaceholders(
                environment.getProperty("haat.eureka.password", "${HAAT_EUREKA_PASSWORD:dev-only-eureka-password}"));
        if (username.isBlank() || environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        String userInfo = encode(username) + ":" + encode(password) + "@";
        String urls = environment.getProperty(DEFAULT_ZONE, "http://localhost:8761/eureka/");
        String withCredentials = Arrays.stream(urls.split(",")).map(String::trim).filter(url -> !url.isEmpty())
                .map(url -> URI.create(url).getRawUserInfo() != null || !url.contains("://") ? url
                        : url.replaceFirst("://", "://" + userInfo))
                .collect(Collectors.joining(","));
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME,
                Map.of(DEFAULT_ZONE, withCredentials)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 98; // after application.yml is loaded
    }
}
