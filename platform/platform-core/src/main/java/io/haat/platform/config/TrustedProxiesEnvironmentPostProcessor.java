package io.haat.platform.config;

import io.haat.platform.web.TrustedProxies;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code haat.web.trusted-proxies} into Tomcat's {@code server.tomcat.remoteip.internal-proxies} (CIDR
 * form), so that the container takes the client address from {@code X-Forwarded-For} only on requests from
 * those addresses. Spring Boot's own default trusts every private address, which inside a cluster means any
 * pod could pose as any client. An explicit {@code server.tomcat.remoteip.internal-proxies} still wins.
 */
public class TrustedProxiesEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "haat-trusted-proxies";
    static final String INTERNAL_PROXIES = "server.tomcat.remoteip.internal-proxies";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(TrustedProxies.PROPERTY);
        if (configured == null || environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        String cidrs = TrustedProxies.parse(configured).toTomcatInternalProxies();
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, Map.of(INTERNAL_PROXIES, cidrs)));
    }

    @Override
    public int getOrder() {
        // after HaatDefaultsEnvironmentPostProcessor, which supplies the default value
        return Ordered.LOWEST_PRECEDENCE - 99;
    }
}
