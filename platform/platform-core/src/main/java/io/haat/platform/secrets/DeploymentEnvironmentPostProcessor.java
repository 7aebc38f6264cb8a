package io.haat.platform.secrets;

import java.util.function.Supplier;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Adds {@code haat.deployment.development} ({@code true}/{@code false}, {@link DeploymentProfiles}) as the
 * lowest-priority property, so that a development convenience can default to it in {@code application.yml}:
 * <pre>{@code generate-when-missing: ${HAAT_VAPID_GENERATE:${haat.deployment.development:false}}}</pre>
 * Evaluated on every read, so profiles activated after this processor ran still count.
 */
public class DeploymentEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String PROPERTY = "haat.deployment.development";
    static final String SOURCE_NAME = "haat-deployment";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        // the source is a Supplier, never the environment itself: Spring Boot descends into a property source whose
        // source is an environment, which here would be a loop
        Supplier<String> development = () -> String.valueOf(DeploymentProfiles.isDevelopment(environment));
        environment.getPropertySources().addLast(new PropertySource<>(SOURCE_NAME, development) {
            @Override
            public Object getProperty(String name) {
                return PROPERTY.equals(name) ? getSource().get() : null;
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 98;
    }
}
