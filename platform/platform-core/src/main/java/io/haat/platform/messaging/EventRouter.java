package io.haat.platform.messaging;

import io.haat.events.DomainEvent;
import io.haat.events.EventEnvelope;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import tools.jackson.databind.JsonNode;

/**
 * Dispatches a Kafka record to the handler of its event type, the one way a listener tells events apart:
 *
 * <pre>{@code
 * router = EventRouter.builder(envelopes)
 *         .guard((event, handler) -> processed.runOnce(GROUP, event, handler)) // optional: once per eventId
 *         .on(OrderPlaced.class, event -> reservations.reserve(event.payload()))
 *         .on(OrderCancelled.class, event -> reservations.release(event.payload().orderId()))
 *         .build();
 *
 * @KafkaListener(topics = Topics.ORDERS_ORDER)
 * void onOrderEvent(String value) {
 *     router.dispatch(value);
 * }
 * }</pre>
 *
 * A type is matched by the event record's simple name, as {@link EventEnvelope#of} writes it. A type of the event
 * contract (a {@link DomainEvent} record of platform-events) without a handler is ignored (logged at debug): topics
 * carry events for several consumers. A record that is not an envelope, a type nobody knows, or a payload that does
 * not fit its event type or breaks its constraints ({@link EventEnvelopes}: required fields, ids, versions) is a
 * {@link MalformedEventException} (straight to the dead-letter topic, no retries, no handler runs); whatever a
 * handler throws propagates (retried, then dead-lettered).
 */
public final class EventRouter {

    private static final Logger log = LoggerFactory.getLogger(EventRouter.class);

    /** Handles one event of type {@code E}, with its envelope (id, time, aggregate version). */
    @FunctionalInterface
    public interface Handler<E> {
        void handle(EventEnvelope<E> event);
    }

    /**
     * Runs around every handler, e.g. {@code (event, handler) -> processed.runOnce(group, event, handler)} to apply
     * each event once. Returns whether the handler ran.
     */
    @FunctionalInterface
    public interface Guard {
        boolean run(EventEnvelope<?> event, Runnable handler);
    }

    private static final Guard UNGUARDED = (event, handler) -> {
        handler.run();
        return true;
    };

    private final EventEnvelopes envelopes;
    private final Map<String, Route<?>> routes;
    private final Guard guard;

    private EventRouter(EventEnvelopes envelopes, Map<String, Route<?>> routes, Guard guard) {
        this.envelopes = envelopes;
        this.routes = Map.copyOf(routes);
        this.guard = guard;
    }

    public static Builder builder(EventEnvelopes envelopes) {
        return new Builder(envelopes);
    }

    /**
     * Parses a record value and dispatches it.
     *
     * @return whether a handler ran: false for a type without a handler, or when the guard skipped it (a duplicate)
     * @throws MalformedEventException if the value is not an envelope or its payload does not fit the event type
     */
    public boolean dispatch(String value) {
        return dispatch(envelopes.parse(value));
    }

    /** As {@link #dispatch(String)} for an envelope already parsed. */
    public boolean dispatch(EventEnvelope<JsonNode> envelope) {
        Route<?> route = routes.get(envelope.type());
        if (route == null && !ContractTypes.NAMES.contains(envelope.type())) {
            throw new MalformedEventException("unknown event type " + abbreviate(envelope.type()) + " (event "
                    + envelope.eventId() + ")", null);
        }
        if (route == null) {
            log.debug("no handler for event type {} (event {}); ignored", envelope.type(), envelope.eventId());
            return false;
        }
        return route.dispatch(envelope, envelopes, guard);
    }

    private static String abbreviate(String s) {
        return s.length() <= 100 ? s : s.substring(0, 100) + "…";
    }

    /** The simple names of the event contract's records ({@link DomainEvent}s under {@code io.haat.events}). */
    static final class ContractTypes {

        static final Set<String> NAMES = scan();

        private static Set<String> scan() {
            var scanner = new ClassPathScanningCandidateComponentProvider(false);
            scanner.addIncludeFilter(new AssignableTypeFilter(DomainEvent.class));
            Set<String> names = scanner.findCandidateComponents(DomainEvent.class.getPackageName()).stream()
                    .map(BeanDefinition::getBeanClassName).filter(Objects::nonNull)
                    .map(name -> name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1)).collect(Collectors.toSet());
            if (names.isEmpty()) {
                throw new IllegalStateException("no event records found under " + DomainEvent.class.getPackageName());
            }
            return Set.copyOf(names);
        }

        private ContractTypes() {
        }
    }

    /** The event types this router handles. */
    public Set<String> types() {
        return routes.keySet();
    }

    private record Route<E>(Class<E> type, Handler<E> handler) {

        boolean dispatch(EventEnvelope<JsonNode> envelope, EventEnvelopes envelopes, Guard guard) {
            EventEnvelope<E> event = envelopes.withPayload(envelope, type);
            return guard.run(event, () -> handler.handle(event));
        }

        @SuppressWarnings("unchecked")
        static <E> Route<E> of(Class<E> type, Handler<?> handler) {
            return new Route<>(type, (Handler<E>) handler);
        }
    }

    /** Collects one handler per event type. */
    public static final class Builder {

        private final EventEnvelopes envelopes;
        private final Map<Class<?>, Handler<?>> handlers = new LinkedHashMap<>();
        private Guard guard = UNGUARDED;

        private Builder(EventEnvelopes envelopes) {
            this.envelopes = Objects.requireNonNull(envelopes, "envelopes");
        }

        /** Handles events of this record type; one handler per type. */
        public <E> Builder on(Class<E> type, Handler<E> handler) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(handler, "handler");
            // the envelope names the type by its simple name: two records of one name could not be told apart
            if (handlers.keySet().stream().anyMatch(known -> known.getSimpleName().equals(type.getSimpleName()))) {
                throw new IllegalArgumentException("a handler for event type " + type.getSimpleName()
                        + " is already registered");
            }
            handlers.put(type, handler);
            return this;
        }

        /** Runs every handler through this guard (at most one guard per router). */
        public Builder guard(Guard guard) {
            this.guard = Objects.requireNonNull(guard, "guard");
            return this;
        }

        public EventRouter build() {
            Map<String, Route<?>> routes = new LinkedHashMap<>();
            handlers.forEach((type, handler) -> routes.put(type.getSimpleName(), Route.of(type, handler)));
            return new EventRouter(envelopes, routes, guard);
        }
    }
}
