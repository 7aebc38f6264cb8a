package io.haat.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The gateway registers with discovery with the registry's credentials, which discovery requires. */
class EurekaCredentialsTest {

    private static String defaultZone(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("yml", settings));
        new EurekaCredentialsEnvironmentPostProcessor().postProcessEnvironment(environment, null);
        return environment.getProperty(EurekaCredentialsEnvironmentPostProcessor.DEFAULT_ZONE);
    }

    @Test
    void locallyTheDevelopmentCredentials() {
        assertThat(defaultZone(Map.of(EurekaCredentialsEnvironmentPostProcessor.DEFAULT_ZONE,
                "http://localhost:8761/eureka/")))
                .isEqualTo("http://dev-only-eureka:dev-only-eureka-password@localhost:8761/eureka/");
    }

    @Test
    void configuredCredentialsGoIntoEveryPeer() {
        assertThat(defaultZone(Map.of(EurekaCredentialsEnvironmentPostProcessor.DEFAULT_ZONE,
                "http://d0:8761/eureka/,http://d1:8761/eureka/", "haat.eureka.username", "gw",
                "haat.eureka.password", "a b@c")))
                .isEqualTo("http://gw:a%20b%40c@d0:8761/eureka/,http://gw:a%20b%40c@d1:8761/eureka/");
    }
}
