package io.haat.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.platform.config.HaatDefaultsEnvironmentPostProcessor;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Kafka's client authentication comes from configuration: PLAINTEXT locally, SASL/SCRAM when production says so. */
class KafkaSecurityDefaultsTest {

    private static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("env", variables));
        new HaatDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment,
                new SpringApplication(KafkaSecurityDefaultsTest.class));
        return environment;
    }

    @Test
    void locallyNothingChanges() {
        assertThat(environment(Map.of()).getProperty("spring.kafka.security.protocol")).isEqualTo("PLAINTEXT");
    }

    @Test
    void productionAuthenticatesWithScramOverTls() {
        StandardEnvironment environment = environment(Map.of("HAAT_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "HAAT_KAFKA_USERNAME", "order-service", "HAAT_KAFKA_PASSWORD", "s3cret"));

        assertThat(environment.getProperty("spring.kafka.security.protocol")).isEqualTo("SASL_SSL");
        assertThat(environment.getProperty("spring.kafka.properties[sasl.mechanism]")).isEqualTo("SCRAM-SHA-512");
        assertThat(environment.getProperty("spring.kafka.properties[sasl.jaas.config]")).isEqualTo(
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"order-service\" "
                        + "password=\"s3cret\";");
    }
}
