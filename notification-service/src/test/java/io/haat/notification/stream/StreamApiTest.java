package io.haat.notification.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.notification.support.NotificationApiTest;
import io.haat.notification.support.SseClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code GET /stream}: the caller's events only, and a reconnect with Last-Event-ID loses nothing. */
class StreamApiTest extends NotificationApiTest {

    @Autowired
    LiveUpdates live;

    @Test
    void aReconnectingClientResumesAfterItsLastEvent() throws Exception {
        User user = user("CUSTOMER");
        User someoneElse = user("CUSTOMER");
        String lastSeen;
        try (SseClient stream = SseClient.open(port, user.token(), null)) {
            assertThat(stream.status()).isEqualTo(200);
            live.publish(someoneElse.id(), "order.placed", Map.of("orderId", "not-yours"));
            live.publish(user.id(), "order.placed", Map.of("orderId", "o-1"));
            SseClient.Event first = stream.next(Duration.ofSeconds(5));
            assertThat(first.name()).isEqualTo("order.placed");
            assertThat(first.data()).contains("o-1").doesNotContain("not-yours");
            lastSeen = first.id();
        }
        // while disconnected
        live.publish(user.id(), "order.confirmed", Map.of("orderId", "o-1"));
        live.publish(user.id(), "delivery.status", Map.of("orderId", "o-1", "status", "OUT_FOR_DELIVERY"));

        try (SseClient resumed = SseClient.open(port, user.token(), lastSeen)) {
            assertThat(resumed.status()).isEqualTo(200);
            SseClient.Event second = resumed.next(Duration.ofSeconds(5));
            SseClient.Event third = resumed.next(Duration.ofSeconds(5));
            assertThat(second.name()).isEqualTo("order.confirmed");
            assertThat(third.name()).isEqualTo("delivery.status");
            assertThat(Long.parseLong(third.id())).isGreaterThan(Long.parseLong(second.id()))
                    .isGreaterThan(Long.parseLong(lastSeen));
            live.publish(user.id(), "order.shipped", Map.of("orderId", "o-1"));
            assertThat(resumed.next(Duration.ofSeconds(5)).name()).as("then live again").isEqualTo("order.shipped");
        }
        try (SseClient fresh = SseClient.open(port, user.token(), null)) {
            assertThat(fresh.status()).isEqualTo(200);
            assertThat(fresh.next(Duration.ofMillis(300))).as("a fresh stream replays nothing").isNull();
        }
    }
}
