package io.haat.notification.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.test.HaatInfrastructure;
import io.haat.test.HaatIntegrationTest;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/** The STOMP endpoint at /ws accepts a session with a valid token and refuses one without. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@HaatIntegrationTest
class LiveUpdatesWebSocketTest {

    @LocalServerPort
    int port;

    private StompSession connect(String bearer) throws Exception {
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
        StompHeaders connectHeaders = new StompHeaders();
        if (bearer != null) {
            connectHeaders.add("Authorization", "Bearer " + bearer);
        }
        return client.connectAsync("ws://127.0.0.1:" + port + "/ws", new WebSocketHttpHeaders(), connectHeaders,
                new StompSessionHandlerAdapter() { }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aSignedInUserConnects() throws Exception {
        StompSession session = connect(HaatInfrastructure.get().jwt().token("live-user", "CUSTOMER"));
        assertThat(session.isConnected()).isTrue();
        session.disconnect();
    }

    @Test
    void aSessionWithoutAValidTokenIsRefused() {
        assertThatThrownBy(() -> connect(null)).isInstanceOf(ExecutionException.class);
        String foreign = HaatInfrastructure.get().jwt().builder().subject("intruder").roles("CUSTOMER")
                .signWithForeignKey();
        assertThatThrownBy(() -> connect(foreign)).isInstanceOf(ExecutionException.class);
    }
}
