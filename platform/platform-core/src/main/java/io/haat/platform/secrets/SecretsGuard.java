package io.haat.platform.secrets;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Refuses to start a service outside development ({@link DeploymentProfiles}) while a secret is still a development
 * value: each {@code haat.secrets.required} entry must be set (unless optional), must not start with
 * {@value SecretsProperties#DEVELOPMENT_MARKER} and must be at least its {@code min-length} long; and no property at all
 * may resolve to a {@value SecretsProperties#DEVELOPMENT_MARKER} value, declared or not. The failure
 * ({@link InsecureSecretsException}) names the environment variable to set for each.
 * <p>
 * A bean factory post-processor, so the check runs before any bean is created: nothing connects to a database, a
 * broker or Keycloak with a development secret first.
 */
public class SecretsGuard implements BeanFactoryPostProcessor, EnvironmentAware, PriorityOrdered {

    static final String PREFIX = "haat.secrets";
    private static final Pattern PLACEHOLDER_ENV = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):" + SecretsProperties.DEVELOPMENT_MARKER);

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        check(environment);
    }

    /** Throws {@link InsecureSecretsException} listing every problem, outside development; does nothing in it. */
    public static void check(Environment environment) {
        if (DeploymentProfiles.isDevelopment(environment)) {
            return;
        }
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new InsecureSecretsException(List.of(environment.getActiveProfiles()), problems);
        }
    }

    /** What is wrong with the service's secrets, whatever the profile. */
    static List<String> problems(Environment environment) {
        SecretsProperties declared = Binder.get(environment)
                .bind(PREFIX, Bindable.of(SecretsProperties.class))
                .orElseGet(() -> new SecretsProperties(List.of()));
        List<String> problems = new ArrayList<>();
        Set<String> checked = new LinkedHashSet<>();
        for (SecretsProperties.Secret secret : declared.required()) {
            checked.add(secret.property());
            if (applies(environment, secret.when())) {
                problem(environment, secret).ifPresent(problems::add);
            }
        }
        for (String property : developmentValued(environment)) {
            if (!checked.contains(property)) {
                problems.add(property + " has a development value (" + SecretsProperties.DEVELOPMENT_MARKER + "...): "
                        + "set " + envOf(environment, property));
            }
        }
        return problems;
    }

    private static Optional<String> problem(Environment environment, SecretsProperties.Secret secret) {
        String value = environment.getProperty(secret.property());
        String set = "set " + secret.env() + " (at least " + secret.minLength() + " characters)";
        if (value == null || value.isBlank()) {
            return secret.optional() ? Optional.empty()
                    : Optional.of(secret.property() + " is not set: " + set);
        }
        if (value.startsWith(SecretsProperties.DEVELOPMENT_MARKER)) {
            return Optional.of(secret.property() + " still has its development default: " + set);
        }
        if (value.length() < secret.minLength()) {
            return Optional.of(secret.property() + " is shorter than " + secret.minLength()
                    + " characters: " + set);
        }
        return Optional.empty();
    }

    private static boolean applies(Environment environment, String when) {
        if (when == null || when.isBlank()) {
            return true;
        }
        int equals = when.indexOf('=');
        String property = equals < 0 ? when.strip() : when.substring(0, equals).strip();
        String expected = equals < 0 ? "true" : when.substring(equals + 1).strip();
        return expected.equalsIgnoreCase(environment.getProperty(property, ""));
    }

    /** Every property, declared or not, whose value starts with the development marker. */
    private static Set<String> developmentValued(Environment environment) {
        Set<String> found = new LinkedHashSet<>();
        if (!(environment instanceof ConfigurableEnvironment configurable)) {
            return found;
        }
        for (PropertySource<?> source : configurable.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
                continue;
            }
            for (String name : enumerable.getPropertyNames()) {
                if (found.contains(name)) {
                    continue;
                }
                try {
                    String value = environment.getProperty(name);
                    if (value != null && value.startsWith(SecretsProperties.DEVELOPMENT_MARKER)) {
                        found.add(name);
                    }
                } catch (RuntimeException unresolvable) {
                    // a placeholder that cannot be resolved is not a development secret; binding reports it
                }
            }
        }
        return found;
    }

    /** The variable in the property's {@code ${VAR:dev-only-...}} placeholder, or the property itself. */
    private static String envOf(Environment environment, String property) {
        if (environment instanceof ConfigurableEnvironment configurable) {
            for (PropertySource<?> source : configurable.getPropertySources()) {
                Object raw = source.getProperty(property);
                if (raw != null) {
                    Matcher matcher = PLACEHOLDER_ENV.matcher(raw.toString());
                    if (matcher.find()) {
                        return matcher.group(1);
                    }
                }
            }
        }
        return property;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
