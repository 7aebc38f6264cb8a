package io.haat.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Loads every {@code classpath*:META-INF/haat/*-defaults.properties} as the lowest-priority property
 * sources, so that platform defaults apply everywhere and any service or test setting wins.
 */
public class HaatDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String LOCATION_PATTERN = "classpath*:META-INF/haat/*-defaults.properties";
    static final String SOURCE_PREFIX = "haat-defaults:";

    // after config data (application.yml) is loaded, before logging is initialised
    private static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        MutablePropertySources sources = environment.getPropertySources();
        PropertiesPropertySourceLoader loader = new PropertiesPropertySourceLoader();
        for (Resource resource : defaultsResources(application)) {
            String name = SOURCE_PREFIX + resource.getDescription();
            if (sources.contains(name)) {
                continue; // a parent context (e.g. Spring Cloud bootstrap) already added it
            }
            try {
                for (PropertySource<?> source : loader.load(name, resource)) {
                    sources.addLast(source);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read platform defaults " + resource, e);
            }
        }
    }

    private static Resource[] defaultsResources(SpringApplication application) {
        ClassLoader classLoader = application != null ? application.getClassLoader() : null;
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver(classLoader).getResources(LOCATION_PATTERN);
            // deterministic order: a file name that sorts first wins on a (discouraged) duplicate key
            Arrays.sort(resources, Comparator.comparing(r -> Objects.requireNonNullElse(r.getFilename(), "")));
            return resources;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + LOCATION_PATTERN, e);
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
