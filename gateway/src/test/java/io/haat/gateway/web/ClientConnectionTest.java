package io.haat.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/** Who the client is: the TCP peer, or behind trusted proxies the rightmost address that is not one of them. */
class ClientConnectionTest {

    private static final TrustedProxies NONE = TrustedProxies.parse("");
    private static final TrustedProxies INGRESS = TrustedProxies.parse("10.0.0.0/8, 192.0.2.10");

    @Test
    void exposedDirectlyTheClientIsTheConnectionWhateverItSends() {
        ClientConnection client = ClientConnection.resolve(from("203.0.113.9")
                .header("X-Forwarded-For", "6.6.6.6").header("Forwarded", "for=6.6.6.6")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "evil.example").build(), NONE);

        assertThat(client).isEqualTo(new ClientConnection("203.0.113.9", "http", "shop.example"));
    }

    @Test
    void behindTheIngressTheRightmostUntrustedAddressIsTheClient() {
        ClientConnection client = ClientConnection.resolve(from("10.1.2.3")
                // the client wrote 6.6.6.6 itself; the ingress appended the address it saw, then an inner hop
                .header("X-Forwarded-For", "6.6.6.6, 203.0.113.9, 10.9.9.9")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "shop.example").build(), INGRESS);

        assertThat(client).isEqualTo(new ClientConnection("203.0.113.9", "https", "shop.example"));
    }

    @Test
    void anUntrustedPeerCannotClaimToBeBehindTheIngress() {
        ClientConnection client = ClientConnection.resolve(from("198.51.100.7")
                .header("X-Forwarded-For", "10.1.1.1").build(), INGRESS);

        assertThat(client.address()).isEqualTo("198.51.100.7");
    }

    @Test
    void garbageInTheChainStopsAtTheLastHopWeCanVouchFor() {
        assertThat(ClientConnection.resolve(from("10.1.2.3").header("X-Forwarded-For", "evil.example").build(),
                INGRESS).address()).isEqualTo("10.1.2.3");
        assertThat(ClientConnection.resolve(from("10.1.2.3").build(), INGRESS).address()).isEqualTo("10.1.2.3");
        assertThat(ClientConnection.resolve(from("10.1.2.3").header("X-Forwarded-For", "2001:db8::1").build(),
                INGRESS).address()).isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void trustedProxiesAreAddressesOrBlocksNeverNames() {
        assertThat(INGRESS.contains("10.255.0.1")).isTrue();
        assertThat(INGRESS.contains("11.0.0.1")).isFalse();
        assertThat(INGRESS.contains("192.0.2.10")).isTrue();
        assertThat(INGRESS.contains("192.0.2.11")).isFalse();
        assertThat(TrustedProxies.parse("fd00::/8").contains("fd12::1")).isTrue();
        assertThatThrownBy(() -> TrustedProxies.parse("ingress.internal")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/40")).isInstanceOf(IllegalArgumentException.class);
    }

    private static MockServerHttpRequest.BaseBuilder<?> from(String peer) {
        return MockServerHttpRequest.get("http://shop.example/api/v1/categories")
                .remoteAddress(new InetSocketAddress(peer, 40000));
    }
}
