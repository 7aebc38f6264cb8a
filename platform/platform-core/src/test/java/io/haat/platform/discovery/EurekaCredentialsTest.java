package io.haat.platform.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.platform.config.HaatDefaultsEnvironmentPostProcessor;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.cloud.netflix.eureka.EurekaClientConfigBean;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Every service registers with discovery with the registry's credentials, which discovery requires. */
class EurekaCredentialsTest {

    private static StandardEnvironment environment(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("service", settings));
        SpringApplication application = new SpringApplication(EurekaCredentialsTest.class);
        new HaatDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, application);
        new EurekaCredentialsEnvironmentPostProcessor().postProcessEnvironment(environment, application);
        ConfigurationPropertySources.attach(environment);
        return environment;
    }

    private static EurekaClientConfigBean eurekaClient(StandardEnvironment environment) {
        return Binder.get(environment).bindOrCreate("eureka.client", EurekaClientConfigBean.class);
    }

    @Test
    void theEurekaClientGetsEveryRegistryUrlWithTheDevelopmentCredentialsLocally() {
        StandardEnvironment environment = environment(Map.of(EurekaCredentialsEnvironmentPostProcessor.DEFAULT_ZONE,
                "http://localhost:8761/eureka/"));

        assertThat(eurekaClient(environment).getEurekaServerServiceUrls("defaultZone"))
                .containsExactly("http://dev-only-eureka:dev-only-eureka-password@localhost:8761/eureka/");
    }

    @Test
    void configuredCredentialsGoIntoEachPeerEncodedOnce() {
        StandardEnvironment environment = environment(Map.of(
                EurekaCredentialsEnvironmentPostProcessor.DEFAULT_ZONE,
                "http://discovery-0.peers:8761/eureka/, http://discovery-1.peers:8761/eureka/",
                "haat.eureka.username", "svc", "haat.eureka.password", "p@ss:w/rd"));

        assertThat(eurekaClient(environment).getEurekaServerServiceUrls("defaultZone")).containsExactly(
                "http://svc:p%40ss%3Aw%2Frd@discovery-0.peers:8761/eureka/",
                "http://svc:p%40ss%3Aw%2Frd@discovery-1.peers:8761/eureka/");
    }

    @Test
    void noUrlConfiguredMeansEurekasDefaultWithCredentialsAndAnExplicitUserIsKept() {
        assertThat(eurekaClient(environment(Map.of())).getEurekaServerServiceUrls("defaultZone"))
                .containsExactly("http://dev-only-eureka:dev-only-eureka-password@localhost:8761/eureka/");
        assertThat(EurekaCredentialsEnvironmentPostProcessor.withCredentials("https://me:x@registry/eureka/", "a", "b"))
                .isEqualTo("https://me:x@registry/eureka/");
    }
}
