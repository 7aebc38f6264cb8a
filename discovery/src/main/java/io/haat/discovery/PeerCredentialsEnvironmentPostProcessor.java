package io.haat.discovery;

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
 * Puts the registry's credentials into every peer URL ({@code eureka.client.service-url.defaultZone}, from
 * {@code HAAT_EUREKA_PEERS} in production) that has none: peers replicate to each other through the same protected
 * API, and Eureka sends a URL's user info as HTTP basic. The same rule as platform-core's
 * {@code EurekaCredentialsEnvironmentPostProcessor}, which discovery does not depend on.
 */
public class PeerCredentialsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String DEFAULT_ZONE = "eureka.client.service-url.defaultZone";
    private static final String SOURCE_NAME = "haat-eureka-peer-credentials";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String username = environment.getProperty("spring.security.user.name");
        String urls = environment.getProperty(DEFAULT_ZONE);
        if (username == null || username.isBlank() || urls == null
                || environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        String userInfo = encode(username) + ":" + encode(environment.getProperty("spring.security.user.password", ""))
                + "@";
        String withCredentials = Arrays.stream(urls.split(",")).map(String::trim).filter(url -> !url.isEmpty())
                .map(url -> URI.create(url).getRawUserInfo() != null || !url.contains("://") ? url
                        : url.replaceFirst("://", "://" + userInfo.replace("$", "\\$")))
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
