package io.haat.platform.messaging;

import io.haat.events.DomainEvent;
import io.haat.events.EventEnvelope;
import io.haat.events.EventIds;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the JSON envelope of Kafka messages with the application's {@link JsonMapper}.
 * A consumer receives the record value as a String and calls {@link #parse(String, Class)}.
 *
 * <p>An event is validated before any handler sees it: the envelope (an {@code aggregateId} that is an id,
 * {@link EventIds#ID}; an {@code aggregateVersion} of 0 or more; for a {@link DomainEvent} payload, the envelope's
 * {@code aggregateId} is the payload's) and the payload's Jakarta Bean Validation constraints (the event records
 * of platform-events declare their required fields and ids). An invalid event is a {@link MalformedEventException}:
 * straight to the dead-letter topic, never applied.
 */
public class EventEnvelopes {

    private static final TypeReference<EventEnvelope<JsonNode>> ENVELOPE_OF_JSON = new TypeReference<>() {
    };
    private static final Pattern ID = Pattern.compile(EventIds.ID);

    private final JsonMapper jsonMapper;
    private final Validator validator;

    /** With a validator of its own (tests, tools); the platform's bean uses the application's. */
    public EventEnvelopes(JsonMapper jsonMapper) {
        this(jsonMapper, DefaultValidator.INSTANCE);
    }

    public EventEnvelopes(JsonMapper jsonMapper, Validator validator) {
        this.jsonMapper = Objects.requireNonNull(jsonMapper, "jsonMapper");
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    /** Built on first use only: a Hibernate Validator factory is not free. */
    private static final class DefaultValidator {
        static final Validator INSTANCE = Validation.buildDefaultValidatorFactory().getValidator();
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
        E payload;
        try {
            payload = jsonMapper.treeToValue(envelope.payload(), payloadType);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("payload of " + envelope.type() + " " + envelope.eventId()
                    + " is not a " + payloadType.getSimpleName(), e);
        }
        validate(envelope, payload);
        return new EventEnvelope<>(envelope.eventId(), envelope.type(), envelope.occurredAt(),
                envelope.aggregateId(), envelope.aggregateVersion(), payload);
    }

    private void validate(EventEnvelope<JsonNode> envelope, Object payload) {
        String event = envelope.type() + " " + envelope.eventId();
        if (!ID.matcher(envelope.aggregateId()).matches()) {
            throw new MalformedEventException(event + ": aggregateId is not an id: "
                    + abbreviate(envelope.aggregateId()), null);
        }
        if (envelope.aggregateVersion() < 0) {
            throw new MalformedEventException(event + ": unsupported aggregateVersion "
                    + envelope.aggregateVersion(), null);
        }
        if (payload == null) {
            throw new MalformedEventException(event + ": no payload", null);
        }
        if (payload instanceof DomainEvent domainEvent
                && !envelope.aggregateId().equals(domainEvent.aggregateId())) {
            throw new MalformedEventException(event + ": envelope aggregateId " + envelope.aggregateId()
                    + " is not the payload's " + abbreviate(String.valueOf(domainEvent.aggregateId())), null);
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(payload);
        if (!violations.isEmpty()) {
            throw new MalformedEventException(event + " is invalid: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
                    .collect(Collectors.joining(", ")), null);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
