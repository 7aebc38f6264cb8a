package io.haat.platform.messaging;

/**
 * A message refers to something this service learns from another event it has not consumed yet: a payment event for
 * an order whose {@code OrderPlaced} is still on its way (events on different topics come in no guaranteed order,
 * and a consumer may lag seconds behind under load). Thrown by a listener, the message is retried with backoff for
 * {@code haat.messaging.consumer.await-another-event-for} (default 2 minutes), not the few quick attempts of a
 * failure, and only then goes to the dead-letter topic.
 */
public class AwaitingAnotherEventException extends RuntimeException {

    public AwaitingAnotherEventException(String message) {
        super(message);
    }
}
