package io.haat.platform.messaging;

import io.haat.events.EventEnvelope;
import io.haat.events.inventory.StockLevelChanged;
import io.haat.platform.messaging.consumer.ProcessedEvents;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;

/** Kafka listeners written the way a service writes them, counting what they receive. */
public class TestListeners {

    static final String EFFECTS = "messaging-test.effects";
    static final String ALWAYS_FAILS = "messaging-test.always-fails";
    static final String STRICT = "messaging-test.strict";
    static final String DATABASE_DOWN = "messaging-test.database-down";
    /** How many deliveries the database is "down" for, in {@link #applyWhileTheDatabaseRestarts}: past max-attempts. */
    static final int DATABASE_DOWN_FOR = 5;
    static final String AWAITING = "messaging-test.awaiting";
    static final String NEVER_COMES = "messaging-test.never-comes";
    /** How many deliveries the other event is "late" for, in {@link #applyOnceTheOtherEventCame}: past max-attempts. */
    static final int OTHER_EVENT_LATE_FOR = 5;
    static final String EFFECTS_GROUP = "messaging-test-effects";
    static final String ROUTED = "messaging-test.routed";
    static final String ROUTED_GROUP = "messaging-test-routed";

    private final EventEnvelopes envelopes;
    private final ProcessedEvents processedEvents;
    private final JdbcTemplate jdbc;
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

    public TestListeners(EventEnvelopes envelopes, ProcessedEvents processedEvents, JdbcTemplate jdbc) {
        this.envelopes = envelopes;
        this.processedEvents = processedEvents;
        this.jdbc = jdbc;
    }

    /** An idempotent consumer: one effect row per event, however often it is delivered. */
    @KafkaListener(topics = EFFECTS, groupId = EFFECTS_GROUP)
    public void applyEffect(String value) {
        EventEnvelope<TestEvent> event = envelopes.parse(value, TestEvent.class);
        count(EFFECTS, event.eventId().toString());
        processedEvents.runOnce(EFFECTS_GROUP, event.eventId(), () -> jdbc.update(
                "INSERT INTO test_effect (event_id, note) VALUES (?, ?)", event.eventId(), event.payload().note()));
    }

    /** A handler that fails on every event. */
    @KafkaListener(topics = ALWAYS_FAILS, groupId = "messaging-test-always-fails")
    public void failAlways(String value) {
        EventEnvelope<TestEvent> event = envelopes.parse(value, TestEvent.class);
        count(ALWAYS_FAILS, event.eventId().toString());
        throw new IllegalStateException("handler failed for " + event.eventId());
    }

    /** A handler whose database is unreachable for its first {@link #DATABASE_DOWN_FOR} deliveries, then back. */
    @KafkaListener(topics = DATABASE_DOWN, groupId = "messaging-test-database-down")
    public void applyWhileTheDatabaseRestarts(String value) {
        EventEnvelope<TestEvent> event = envelopes.parse(value, TestEvent.class);
        if (count(DATABASE_DOWN, event.eventId().toString()) <= DATABASE_DOWN_FOR) {
            throw new org.springframework.transaction.CannotCreateTransactionException("Could not open JDBC Connection",
                    new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
        }
    }

    /** A handler that needs another event, which comes after {@link #OTHER_EVENT_LATE_FOR} deliveries. */
    @KafkaListener(topics = AWAITING, groupId = "messaging-test-awaiting")
    public void applyOnceTheOtherEventCame(String value) {
        EventEnvelope<TestEvent> event = envelopes.parse(value, TestEvent.class);
        if (count(AWAITING, event.eventId().toString()) <= OTHER_EVENT_LATE_FOR) {
            throw new AwaitingAnotherEventException("order " + event.payload().aggregateId() + " not known yet");
        }
    }

    /** A handler that needs another event that never comes. */
    @KafkaListener(topics = NEVER_COMES, groupId = "messaging-test-never-comes")
    public void awaitForever(String value) {
        EventEnvelope<TestEvent> event = envelopes.parse(value, TestEvent.class);
        count(NEVER_COMES, event.eventId().toString());
        throw new AwaitingAnotherEventException("order " + event.payload().aggregateId() + " not known yet");
    }

    /** A handler that works, fed with a message that is not an envelope. */
    @KafkaListener(topics = STRICT, groupId = "messaging-test-strict")
    public void parseStrictly(String value) {
        count(STRICT, value);
        envelopes.parse(value, TestEvent.class);
    }

    /** A listener written with the platform's router and idempotent guard, as every service writes one. */
    @KafkaListener(topics = ROUTED, groupId = ROUTED_GROUP)
    public void route(String value) {
        count(ROUTED, value);
        router().dispatch(value);
    }

    private EventRouter router() {
        return EventRouter.builder(envelopes)
                .guard((event, handler) -> processedEvents.runOnce(ROUTED_GROUP, event.eventId(), handler))
                .on(StockLevelChanged.class, event -> count(ROUTED + ".applied", event.payload().sku()))
                .build();
    }

    /** How often {@code topic}'s listener received the event id (or, for STRICT, the raw value). */
    int deliveries(String topic, String id) {
        AtomicInteger count = deliveries.get(topic + "|" + id);
        return count == null ? 0 : count.get();
    }

    int effects(UUID eventId) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM test_effect WHERE event_id = ?", Integer.class, eventId);
        return count == null ? 0 : count;
    }

    private int count(String topic, String id) {
        return deliveries.computeIfAbsent(topic + "|" + id, k -> new AtomicInteger()).incrementAndGet();
    }
}
