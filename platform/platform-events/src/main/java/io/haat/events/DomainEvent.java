package io.haat.events;

/** Something that happened to one aggregate; its topic is chosen by the producer, its type is its simple name. */
public interface DomainEvent {

    /** The id of the aggregate the event belongs to; used as the Kafka message key. */
    String aggregateId();
}
