package io.haat.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ContextConfiguration;

/**
 * Put next to {@code @SpringBootTest}: the context gets a fresh PostgreSQL database, a fresh MongoDB database,
 * the Kafka broker and the JWT issuer of the JVM-wide {@link HaatInfrastructure}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(HaatInfrastructureExtension.class)
@ContextConfiguration(initializers = HaatInfrastructureInitializer.class)
public @interface HaatIntegrationTest {
}
