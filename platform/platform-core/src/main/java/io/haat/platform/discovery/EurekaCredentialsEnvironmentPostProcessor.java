package io.haat.platform.discovery;

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
 * Puts the registry's credentials ({@code haat.eureka.username} / {@code haat.eureka.password}, from
 * {@code HAAT_EUREKA_USERNAME} / {@code HAAT_EUREKA_PASSWORD}) into every URL of
 * {@code eureka.client.service-url.defaultZone} that has none, so each service registers with and fetches from
 * discovery with HTTP basic (Spring Cloud Netflix sends a URL's user info as basic credentials). The URLs themselves
 * ({@code HAAT_EUREKA_URL}) stay free of secrets, and a password with {@code @} or {@code :} is encoded once, here.
 * A URL that already names a user keeps it. Discovery refuses anonymous registrations (its README).
 */
public class EurekaCredentialsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String DEFAULT_ZONE = "eureka.client.service-url.defaultZone";
    static final String SOURCE_NAME = "haat-eureka-credentials";
    /** Eureka's own default when a service sets no URL. */
    static final String EUREKA_DEFAULT_URL = "http://localhost:8761/eureka/";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String username = environment.getProperty("haat.eureka.username");
        String password = environment.getProperty("haat.eureka.password", "");
        if (username == null || username.isBlank() || environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        String urls = environment.getProperty(DEFAULT_ZONE, EUREKA_DEFAULT_URL);
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME,
                Map.of(DEFAULT_ZONE, withCredentials(urls, username, password))));
    }

    /** Each comma-separated URL with {@code username:password@} in front of its host, unless it has user info. */
    public static String withCredentials(String urls, String username, String password) {
        String userInfo = encode(username) + ":" + encode(password) + "@";
        return Arrays.stream(urls.split(",")).map(String::trim).filter(url -> !url.isEmpty())
                .map(url -> {
                    URI uri = URI.create(url);
                    if (uri.getRawUserInfo() != null || uri.getRawAuthority() == null) {
                        return url;
                    }
                    int host = url.indexOf("://") + 3;
                    return url.substring(0, host) + userInfo + url.substring(host);
                })
                .collect(Collectors.joining(","));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public int getOrder() {
        // after HaatDefaultsEnvironmentPostProcessor, which supplies the development credentials
        return Ordered.LOWEST_PRECEDENCE - 98;
    }
}
