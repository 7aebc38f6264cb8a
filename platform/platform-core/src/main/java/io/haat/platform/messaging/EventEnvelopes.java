package io.haat.platform.messaging;

import io.haat.events.EventEnvelope;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the JSON envelope of Kafka messages with the application's {@link JsonMapper}.
 * A consumer receives the record value as a String and calls {@link #parse(String, Class)}.
 */
public class EventEnvelopes {

    private static final TypeReference<EventEnvelope<JsonNode>> ENVELOPE_OF_JSON = new TypeReference<>() {
    };

    private final JsonMapper jsonMapper;

    public EventEnvelopes(JsonMapper jsonMapper) {
        this.jsonMapper = Objects.requireNonNull(jsonMapper, "jsonMapper");
    }

    /** The envelope as JSON, the payload serialized as its runtime type. */
    public String toJson(EventEnvelope<?> envelope) {
        return jsonMapper.writeValueAsString(envelope);
    }

    /** Parses a record value, leaving the payload as a JSON tree (look at {@code type()} first). */
    public EventEnvelope<JsonNode> parse(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("empty event message", null);
        }
        try {
            EventEnvelope<JsonNode> envelope = jsonMapper.readValue(json, ENVELOPE_OF_JSON);
            if (envelope == null || envelope.payload() == null || envelope.payload().isNull()) {
                throw new MalformedEventException("event envelope without payload", null);
            }
            return envelope;
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("not an event envelope: " + abbreviate(json), e);
        }
    }

    /** Parses a record value and converts its payload to the given event record type. */
    public <E> EventEnvelope<E> parse(String json, Class<E> payloadType) {
        return withPayload(parse(json), payloadType);
    }

    /** Converts the JSON payload of a parsed envelope to the given event record type. */
    public <E> EventEnvelope<E> withPayload(EventEnvelope<JsonNode> envelope, Class<E> payloadType) {
        try {
            E payload = jsonMapper.treeToValue(envelope.payload(), payloadType);
            return new EventEnvelope<>(envelope.eventId(), envelope.type(), envelope.occurredAt(),
                    envelope.aggregateId(), envelope.aggregateVersion(), payload);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("payload of " + envelope.type() + " " + envelope.eventId()
                    + " is not a " + payloadType.getSimpleName(), e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
