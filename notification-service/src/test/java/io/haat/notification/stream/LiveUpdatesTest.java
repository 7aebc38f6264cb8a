package io.haat.notification.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.test.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessagingTemplate;

/** The replay buffer behind Last-Event-ID, and the STOMP side of every publication. */
class LiveUpdatesTest {

    private final MutableClock clock = new MutableClock();
    private final List<Message<?>> stompMessages = new CopyOnWriteArrayList<>();
    private final LiveUpdates live = new LiveUpdates(new SimpMessagingTemplate((message, timeout) -> {
        stompMessages.add(message);
        return true;
    }), clock, Duration.ofMinutes(5), 3, Duration.ofMinutes(30));

    @Test
    void idsIncreaseAndAReconnectGetsWhatCameAfterItsLastEvent() {
        LiveEvent first = live.publish("u1", "order.placed", Map.of("orderId", "o1"));
        LiveEvent second = live.publish("u1", "order.confirmed", Map.of("orderId", "o1"));
        live.publish("u2", "order.placed", Map.of("orderId", "o2"));
        LiveEvent third = live.publish("u1", "order.shipped", Map.of("orderId", "o1"));

        assertThat(second.id()).isGreaterThan(first.id());
        assertThat(live.replay("u1", first.id())).containsExactly(second, third);
        assertThat(live.replay("u1", third.id())).isEmpty();
        assertThat(live.replay("u1", null)).as("a fresh stream starts now").isEmpty();
        assertThat(live.replay("nobody", 0L)).isEmpty();
    }

    @Test
    void theBufferKeepsTheLastFewEventsOfTheLastMinutes() {
        LiveEvent old = live.publish("u1", "a", 1);
        clock.advance(Duration.ofMinutes(4));
        LiveEvent b = live.publish("u1", "b", 2);
        LiveEvent c = live.publish("u1", "c", 3);
        LiveEvent d = live.publish("u1", "d", 4);
        assertThat(live.replay("u1", 0L)).as("at most 3 per user").containsExactly(b, c, d);

        clock.advance(Duration.ofMinutes(2));
        LiveEvent e = live.publish("u1", "e", 5);
        assertThat(live.replay("u1", old.id())).as("the first, older than 5 minutes, and b, over the limit, dropped")
                .containsExactly(c, d, e);

        clock.advance(Duration.ofMinutes(6));
        live.sweep();
        assertThat(live.replay("u1", 0L)).isEmpty();
    }

    @Test
    void everyEventAlsoGoesToTheUsersStompQueue() {
        LiveEvent event = live.publish("u1", "order.placed", Map.of("orderId", "o1"));

        assertThat(stompMessages).singleElement().satisfies(message -> {
            assertThat(SimpMessageHeaderAccessor.getDestination(message.getHeaders()))
                    .isEqualTo("/user/u1/queue/updates");
            assertThat(message.getPayload()).isEqualTo(event);
        });
    }
}
