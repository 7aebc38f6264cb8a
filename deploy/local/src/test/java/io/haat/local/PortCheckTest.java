package io.haat.local;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PortCheckTest {

    @Test
    void reportsAPortSomethingListensOnByNumberAndPart() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            List<Part.Port> busy = PortCheck.busy(List.of(new Part.Port(port, "Keycloak")));

            assertThat(busy).containsExactly(new Part.Port(port, "Keycloak"));
            assertThat(PortCheck.message(busy))
                    .contains("port " + port + " (Keycloak) is already in use")
                    .contains("./run.sh stop");
        }
    }

    @Test
    void aPortTakenOnAllAddressesIsBusyToo() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0));
            assertThat(PortCheck.inUse(taken.getLocalPort())).isTrue();
        }
    }

    @Test
    void aFreePortIsNotReported() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        assertThat(PortCheck.busy(List.of(new Part.Port(port, "mail API")))).isEmpty();
    }

    @Test
    void countsSeveralBusyPortsInTheMessage() {
        String message = PortCheck.message(List.of(new Part.Port(5432, "PostgreSQL"), new Part.Port(9092, "Kafka")));
        assertThat(message).startsWith("Cannot start: 2 ports are taken.")
                .contains("port 5432 (PostgreSQL)").contains("port 9092 (Kafka)");
    }
}
