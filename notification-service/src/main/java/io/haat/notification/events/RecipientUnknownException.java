package io.haat.notification.events;

/**
 * The user a message is for cannot be told yet (the event that names them, e.g. the order or the seller, not
 * consumed yet): the listener fails, Kafka retries with backoff, and the dead-letter topic takes it in the end.
 */
class RecipientUnknownException extends RuntimeException {

    RecipientUnknownException(String message) {
        super(message);
    }
}
