package io.haat.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.events.EventEnvelope;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventEnvelopesTest {

    private final EventEnvelopes envelopes = new EventEnvelopes(JsonMapper.builder().build());

    @Test
    void roundTripsAnEnvelopeAndItsPayload() {
        EventEnvelope<TestEvent> event = EventEnvelope.of(new TestEvent("order-1", "hello"), 4);

        String json = envelopes.toJson(event);

        assertThat(json).contains("\"eventId\":\"" + event.eventId() + "\"", "\"type\":\"TestEvent\"",
                "\"aggregateVersion\":4", "\"occurredAt\":\"" + event.occurredAt() + "\"");
        assertThat(envelopes.parse(json, TestEvent.class)).isEqualTo(event);
        EventEnvelope<JsonNode> raw = envelopes.parse(json);
        assertThat(raw.payload().get("aggregateId").asString()).isEqualTo("order-1");
    }

    @Test
    void rejectsWhatIsNotAnEnvelope() {
        assertThatThrownBy(() -> envelopes.parse("not json")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> envelopes.parse("")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> envelopes.parse("{\"type\":\"TestEvent\",\"payload\":{}}"))
                .as("no eventId").isInstanceOf(MalformedEventException.class);
        String noPayload = "{\"eventId\":\"9b2f8b8e-7a5e-4a57-9d4a-0a4f3a9c2f10\",\"type\":\"TestEvent\","
                + "\"occurredAt\":\"2025-01-01T00:00:00Z\",\"aggregateId\":\"a\",\"aggregateVersion\":1}";
        assertThatThrownBy(() -> envelopes.parse(noPayload)).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void rejectsAPayloadOfAnotherShape() {
        String json = "{\"eventId\":\"9b2f8b8e-7a5e-4a57-9d4a-0a4f3a9c2f10\",\"type\":\"TestEvent\","
                + "\"occurredAt\":\"2025-01-01T00:00:00Z\",\"aggregateId\":\"a\",\"aggregateVersion\":1,"
                + "\"payload\":[1,2,3]}";

        assertThatThrownBy(() -> envelopes.parse(json, TestEvent.class))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("is not a TestEvent");
    }
}
