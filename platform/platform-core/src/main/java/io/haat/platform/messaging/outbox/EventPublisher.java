package io.haat.platform.messaging.outbox;

import io.haat.events.DomainEvent;
import io.haat.events.EventEnvelope;
import io.haat.platform.messaging.EventEnvelopes;
import java.time.Clock;
import java.util.Objects;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes domain events through the transactional outbox: the event is written to the
 * {@code outbox} table in the caller's transaction and reaches Kafka only if that transaction commits.
 */
public class EventPublisher {

    private final OutboxRepository outbox;
    private final EventEnvelopes envelopes;
    private final TraceHeaders traceHeaders;
    private final Clock clock;
    private final TransactionTemplate callersTransaction;
    private final TransactionSynchronization wakeRelayAfterCommit;

    /**
     * @param clock       stamps each envelope's {@code occurredAt}
     * @param afterCommit runs after a transaction that published events commits (wakes the relay)
     */
    public EventPublisher(OutboxRepository outbox, EventEnvelopes envelopes, TraceHeaders traceHeaders, Clock clock,
                          PlatformTransactionManager transactionManager, Runnable afterCommit) {
        this.outbox = outbox;
        this.envelopes = envelopes;
        this.traceHeaders = traceHeaders;
        this.clock = clock;
        // MANDATORY: publishing outside a transaction would be a dual write; fail loudly instead
        this.callersTransaction = new TransactionTemplate(transactionManager);
        this.callersTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_MANDATORY);
        // one instance, so registering it for every event of a transaction wakes the relay once
        // (synchronizations are kept in a set)
        this.wakeRelayAfterCommit = new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                afterCommit.run();
            }
        };
    }

    /**
     * Writes {@code event} to the outbox for {@code topic}, in the current transaction.
     *
     * @throws org.springframework.transaction.IllegalTransactionStateException if no transaction is active
     * @return the envelope that will be the message value (its {@code eventId} identifies the message)
     */
    public <E extends DomainEvent> EventEnvelope<E> publish(String topic, E event, long aggregateVersion) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(event, "event");
        return callersTransaction.execute(status -> {
            EventEnvelope<E> envelope = EventEnvelope.of(event, aggregateVersion, clock.instant());
            outbox.insert(topic, envelope, envelopes.toJson(envelope), traceHeaders.current());
            TransactionSynchronizationManager.registerSynchronization(wakeRelayAfterCommit);
            return envelope;
        });
    }

    /** As {@link #publish(String, DomainEvent, long)}, for an aggregate that keeps no version (version 0). */
    public <E extends DomainEvent> EventEnvelope<E> publish(String topic, E event) {
        return publish(topic, event, 0);
    }
}
