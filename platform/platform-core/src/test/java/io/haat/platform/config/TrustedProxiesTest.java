package io.haat.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.platform.web.TrustedProxies;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** haat.web.trusted-proxies: addresses, CIDR blocks and "local", turned into Tomcat's CIDR list. */
class TrustedProxiesTest {

    @Test
    void addressesGetAFullMaskAndBlocksKeepTheirs() {
        assertThat(TrustedProxies.parse(" 10.1.2.3 , 10.244.0.0/16, ::1, fd00::/8").cidrs())
                .containsExactly("10.1.2.3/32", "10.244.0.0/16", "0:0:0:0:0:0:0:1/128", "fd00:0:0:0:0:0:0:0/8");
    }

    @Test
    void localIsLoopbackAndThisMachinesOwnAddressesOnly() {
        assertThat(TrustedProxies.parse("local").cidrs())
                .contains("127.0.0.0/8", "0:0:0:0:0:0:0:1/128")
                .allSatisfy(cidr -> assertThat(cidr).doesNotContain("%").matches(".+/(8|32|128)"));
    }

    @Test
    void anythingElseFailsAtStartUpRatherThanTrustingTooMuch() {
        assertThatThrownBy(() -> TrustedProxies.parse("gateway.internal")).hasMessageContaining("not an IP address");
        assertThatThrownBy(() -> TrustedProxies.parse("10\\..*")).hasMessageContaining("not an IP address");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).hasMessageContaining("prefix length");
        assertThat(TrustedProxies.parse("").cidrs()).as("nobody").isEmpty();
    }

    @Test
    void theContainerSettingIsDerivedButAnExplicitOneWins() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test",
                Map.of(TrustedProxies.PROPERTY, "10.0.0.7")));
        new TrustedProxiesEnvironmentPostProcessor().postProcessEnvironment(environment, null);
        assertThat(environment.getProperty("server.tomcat.remoteip.internal-proxies")).isEqualTo("10.0.0.7/32");

        StandardEnvironment explicit = new StandardEnvironment();
        explicit.getPropertySources().addFirst(new MapPropertySource("test", Map.of(TrustedProxies.PROPERTY, "10.0.0.7",
                "server.tomcat.remoteip.internal-proxies", "192\\.168\\.0\\.1")));
        new TrustedProxiesEnvironmentPostProcessor().postProcessEnvironment(explicit, null);
        assertThat(explicit.getProperty("server.tomcat.remoteip.internal-proxies")).isEqualTo("192\\.168\\.0\\.1");
    }
}
