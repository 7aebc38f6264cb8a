package io.haat.test;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.haat.test.HaatInfrastructure.Part;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.support.TestPropertySourceUtils;
import org.springframework.util.ClassUtils;

/**
 * Points a Spring test context at the shared test infrastructure: a fresh PostgreSQL database and a fresh
 * MongoDB database for this context, the Kafka broker and the JWT issuer. Only the parts the context can use
 * (judged by the classpath) are started.
 */
public class HaatInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** Name of the property source this initializer adds. */
    public static final String PROPERTY_SOURCE_NAME = "haatTestInfrastructure";

    /** A short id, different for every context this initializer prepares. */
    public static final String CONTEXT_ID_PROPERTY = "haat.test.context-id";

    // explicit test properties (@SpringBootTest(properties), @TestPropertySource, @DynamicPropertySource) win
    private static final List<String> TEST_PROPERTY_SOURCES = List.of(
            TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, "Dynamic Test Properties");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        ClassLoader classLoader = context.getClassLoader();
        boolean jdbc = present("org.postgresql.Driver", classLoader)
                && present("org.springframework.jdbc.core.JdbcTemplate", classLoader);
        boolean kafka = present("org.springframework.kafka.core.KafkaTemplate", classLoader);
        boolean mongo = present("com.mongodb.client.MongoClient", classLoader)
                || present("com.mongodb.reactivestreams.client.MongoClient", classLoader);

        Set<Part> parts = EnumSet.of(Part.JWT);
        if (jdbc) {
            parts.add(Part.POSTGRES);
        }
        if (kafka) {
            parts.add(Part.KAFKA);
        }
        if (mongo) {
            parts.add(Part.MONGO);
        }
        HaatInfrastructure infrastructure = HaatInfrastructure.get();
        infrastructure.start(parts);
        QuietLogs.apply();

        String prefix = TestPostgres.sanitise(environment.getProperty("spring.application.name", "test"));
        Map<String, Object> properties = new LinkedHashMap<>();
        // unique per context, e.g. for test-only Kafka group ids: cached contexts keep consuming
        properties.put(CONTEXT_ID_PROPERTY, UUID.randomUUID().toString().substring(0, 8));
        if (jdbc) {
            TestPostgres postgres = infrastructure.postgres();
            properties.put("spring.datasource.url", postgres.createDatabase(prefix));
            properties.put("spring.datasource.username", postgres.username());
            properties.put("spring.datasource.password", postgres.password());
            properties.put("spring.datasource.hikari.maximum-pool-size", "5");
        }
        if (kafka) {
            properties.put("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
            properties.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        }
        if (mongo) {
            String database = prefix + "_" + Long.toString(System.nanoTime(), 36);
            String uri = infrastructure.mongoConnectionString() + "/" + database;
            // Boot 4 renamed spring.data.mongodb.uri/database to spring.mongodb.* (the old names are not bound)
            properties.put("spring.mongodb.uri", uri);
            properties.put("spring.mongodb.database", database);
        }
        TestJwts jwt = infrastructure.jwt();
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", jwt.issuer());
        properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwt.jwksUri());
        properties.put("spring.security.oauth2.resourceserver.jwt.audiences", jwt.audience());
        // services that call others with a haat-services token get it from the test issuer (provider "keycloak")
        properties.put("spring.security.oauth2.client.provider.keycloak.token-uri", jwt.tokenUri());
        properties.put("eureka.client.enabled", "false");

        addWithHighPriority(environment.getPropertySources(), new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
        infrastructure.track(context);
    }

    private static void addWithHighPriority(MutablePropertySources sources, MapPropertySource source) {
        String below = null;
        for (String name : TEST_PROPERTY_SOURCES) {
            if (sources.contains(name)
                    && (below == null || sources.precedenceOf(sources.get(name)) > sources.precedenceOf(sources.get(below)))) {
                below = name;
            }
        }
        if (below != null) {
            sources.addAfter(below, source);
        }
        else {
            sources.addFirst(source);
        }
    }

    private static boolean present(String className, ClassLoader classLoader) {
        return ClassUtils.isPresent(className, classLoader);
    }

}
