package io.haat.test;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * A service's configuration as it would start with the given profiles (its application*.yml, the platform defaults,
 * environment post-processors), without creating a single bean: for tests of what a setting defaults to where.
 * <pre>{@code
 * ConfigurableEnvironment prod = ServiceEnvironment.of(PaymentApplication.class, "prod");
 * assertThat(prod.getProperty("haat.payment.providers.sandbox.enabled")).isEqualTo("false");
 * }</pre>
 */
public final class ServiceEnvironment {

    private ServiceEnvironment() {
    }

    public static ConfigurableEnvironment of(Class<?> application, String... profiles) {
        AtomicReference<ConfigurableEnvironment> prepared = new AtomicReference<>();
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setAdditionalProfiles(profiles);
        app.setLogStartupInfo(false);
        app.addListeners(event -> {
            // after the environment post-processors (their listener runs first): capture it and stop
            if (event instanceof ApplicationEnvironmentPreparedEvent ready) {
                prepared.set(ready.getEnvironment());
                throw new SpringApplication.AbandonedRunException();
            }
        });
        try {
            app.run();
        } catch (SpringApplication.AbandonedRunException expected) {
            return prepared.get();
        }
        throw new IllegalStateException(application.getSimpleName() + " started instead of stopping at its environment");
    }
}
