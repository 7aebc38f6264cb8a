package io.haat.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

/** {@code haat.deployment.development}: what development conveniences default to. */
class DeploymentEnvironmentPostProcessorTest {

    @Test
    void trueWithoutProfilesOrWithLocalAndTestOnlyFalseOtherwise() {
        assertThat(development()).isEqualTo("true");
        assertThat(development("local")).isEqualTo("true");
        assertThat(development("test")).isEqualTo("true");
        assertThat(development("prod")).isEqualTo("false");
        assertThat(development("local", "prod")).isEqualTo("false");
    }

    @Test
    void resolvesInAnEnvironmentWithSpringBootsAttachedSources() {
        // as in a running application: Boot's attached sources descend into a source whose source is an environment,
        // so the processor's source must not be the environment itself (that looped forever)
        StandardEnvironment environment = new StandardEnvironment();
        ConfigurationPropertySources.attach(environment);
        new DeploymentEnvironmentPostProcessor().postProcessEnvironment(environment, null);
        environment.setActiveProfiles("prod");
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> environment.getProperty("haat.missing")))
                .isNull();
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> environment.getProperty(DeploymentEnvironmentPostProcessor.PROPERTY))).isEqualTo("false");
    }

    @Test
    void aValueSetExplicitlyWins() {
        MockEnvironment environment = new MockEnvironment().withProperty(DeploymentEnvironmentPostProcessor.PROPERTY, "false");
        new DeploymentEnvironmentPostProcessor().postProcessEnvironment(environment, null);
        assertThat(environment.getProperty(DeploymentEnvironmentPostProcessor.PROPERTY)).isEqualTo("false");
    }

    private static String development(String... profiles) {
        MockEnvironment environment = new MockEnvironment();
        new DeploymentEnvironmentPostProcessor().postProcessEnvironment(environment, null);
        environment.setActiveProfiles(profiles); // after the processor: read on every access
        return environment.getProperty(DeploymentEnvironmentPostProcessor.PROPERTY);
    }
}
