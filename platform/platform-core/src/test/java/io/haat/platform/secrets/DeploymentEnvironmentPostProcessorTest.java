package io.haat.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
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
