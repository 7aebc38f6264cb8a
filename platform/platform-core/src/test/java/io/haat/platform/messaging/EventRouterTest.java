package io.haat.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.events.DomainEvent;
import io.haat.events.EventEnvelope;
import io.haat.events.inventory.StockLevelChanged;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The router every listener dispatches through: by event type, ignoring contract types it does not handle, refusing
 * unknown types and malformed or invalid events.
 */
class EventRouterTest {

    /** A second event type of the tests. */
    record OtherEvent(String aggregateId, int count) implements DomainEvent {
    }

    private final EventEnvelopes envelopes = new EventEnvelopes(JsonMapper.builder().build());
    private final List<EventEnvelope<TestEvent>> tests = new ArrayList<>();
    private final List<EventEnvelope<OtherEvent>> others = new ArrayList<>();

    private final EventRouter router = EventRouter.builder(envelopes)
            .on(TestEvent.class, tests::add)
            .on(OtherEvent.class, others::add)
            .build();

    @Test
    void dispatchesEachEventToTheHandlerOfItsTypeWithItsEnvelope() {
        EventEnvelope<TestEvent> test = EventEnvelope.of(new TestEvent("order-1", "hello"), 7);
        EventEnvelope<OtherEvent> other = EventEnvelope.of(new OtherEvent("order-2", 3), 2);

        assertThat(router.dispatch(envelopes.toJson(test))).isTrue();
        assertThat(router.dispatch(envelopes.parse(envelopes.toJson(other)))).isTrue();

        assertThat(tests).containsExactly(test);
        assertThat(others).containsExactly(other);
        assertThat(router.types()).containsExactlyInAnyOrder("TestEvent", "OtherEvent");
    }

    @Test
    void aContractEventTypeWithoutHandlerIsIgnored() {
        assertThat(router.dispatch(envelopes.toJson(EventEnvelope.of(
                new StockLevelChanged("store-1", "SKU-1", 5, 1, 4), 1)))).isFalse();

        assertThat(tests).isEmpty();
        assertThat(others).isEmpty();
    }

    @Test
    void anEventTypeNobodyKnowsIsMalformed() {
        record SomethingElse(String aggregateId) implements DomainEvent {
        }

        assertThatThrownBy(() -> router.dispatch(envelopes.toJson(EventEnvelope.of(new SomethingElse("x"), 1))))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("unknown event type SomethingElse");
    }

    @Test
    void anEventThatBreaksItsContractIsMalformedAndReachesNoHandler() {
        List<EventEnvelope<StockLevelChanged>> levels = new ArrayList<>();
        EventRouter stock = EventRouter.builder(envelopes).on(StockLevelChanged.class, levels::add).build();
        String valid = envelopes.toJson(EventEnvelope.of(new StockLevelChanged("store-1", "SKU-1", 5, 1, 4), 3));

        assertThat(stock.dispatch(valid)).isTrue();
        for (String invalid : List.of(
                valid.replace("\"sku\":\"SKU-1\"", "\"sku\":\"../../etc/passwd\""),     // an id that does not parse
                valid.replace(",\"sku\":\"SKU-1\"", ""),                                 // a required field missing
                valid.replace("\"quantity\":5", "\"quantity\":-5"),                       // out of range
                valid.replace("\"aggregateVersion\":3", "\"aggregateVersion\":-1"),        // unsupported version
                valid.replace("\"aggregateId\":\"store-1:SKU-1\"", "\"aggregateId\":\"store-2:SKU-1\""),
                valid.replace("\"aggregateId\":\"store-1:SKU-1\"", "\"aggregateId\":\"store 1;drop\""))) {
            assertThat(invalid).isNotEqualTo(valid);
            assertThatThrownBy(() -> stock.dispatch(invalid)).as(invalid).isInstanceOf(MalformedEventException.class);
        }
        assertThat(levels).hasSize(1);
    }

    @Test
    void aValueThatIsNotAnEnvelopeIsMalformed() {
        assertThatThrownBy(() -> router.dispatch("{\"not\":\"an envelope\"}"))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> router.dispatch("")).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void aPayloadThatDoesNotFitItsTypeIsMalformedAndReachesNoHandler() {
        String countIsNotANumber = """
                {"eventId":"%s","type":"OtherEvent","occurredAt":"2025-01-01T00:00:00Z","aggregateId":"a",
                 "aggregateVersion":1,"payload":{"aggregateId":"a","count":"many"}}""".formatted(UUID.randomUUID());

        assertThatThrownBy(() -> router.dispatch(countIsNotANumber))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("OtherEvent");
        assertThat(others).isEmpty();
    }

    @Test
    void whatAHandlerThrowsPropagatesSoTheListenerRetries() {
        EventRouter failing = EventRouter.builder(envelopes)
                .on(TestEvent.class, event -> {
                    throw new IllegalStateException("database down");
                })
                .build();

        assertThatThrownBy(() -> failing.dispatch(envelopes.toJson(EventEnvelope.of(new TestEvent("a", "b"), 1))))
                .isInstanceOf(IllegalStateException.class).hasMessage("database down");
    }

    @Test
    void theGuardRunsAroundEveryHandlerAndCanSkipADuplicate() {
        Set<UUID> processed = new HashSet<>();
        EventRouter once = EventRouter.builder(envelopes)
                .guard((event, handler) -> {
                    if (!processed.add(event.eventId())) {
                        return false;
                    }
                    handler.run();
                    return true;
                })
                .on(TestEvent.class, tests::add)
                .build();
        String value = envelopes.toJson(EventEnvelope.of(new TestEvent("order-1", "once"), 1));

        assertThat(once.dispatch(value)).isTrue();
        assertThat(once.dispatch(value)).as("redelivered").isFalse();

        assertThat(tests).hasSize(1);
    }

    @Test
    void oneHandlerPerEventType() {
        var builder = EventRouter.builder(envelopes).on(TestEvent.class, tests::add);

        assertThatThrownBy(() -> builder.on(TestEvent.class, tests::add)).isInstanceOf(IllegalArgumentException.class);
    }
}
