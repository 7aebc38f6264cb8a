package io.haat.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Peers replicate through the protected API: each peer URL carries the registry's credentials. */
class PeerCredentialsTest {

    @Test
    void everyPeerUrlGetsTheCredentialsEncodedAndAnExplicitUserIsKept() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("yml", Map.of(
                PeerCredentialsEnvironmentPostProcessor.DEFAULT_ZONE,
                "http://discovery-0.peers:8761/eureka/,http://other:x@discovery-1.peers:8761/eureka/",
                "spring.security.user.name", "registry", "spring.security.user.password", "s3cr@t")));

        new PeerCredentialsEnvironmentPostProcessor().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty(PeerCredentialsEnvironmentPostProcessor.DEFAULT_ZONE)).isEqualTo(
                "http://registry:s3cr%40t@discovery-0.peers:8761/eureka/,http://other:x@discovery-1.peers:8761/eureka/");
    }
}
