package io.haat.notification.events;

import io.haat.platform.messaging.AwaitingAnotherEventException;

/**
 * The user a message is for cannot be told yet (the event that names them, e.g. the order or the seller, not
 * consumed yet): the listener fails, Kafka retries with backoff for a while (the platform's
 * {@code await-another-event-for}), and the dead-letter topic takes it only if that event never comes.
 */
class RecipientUnknownException extends AwaitingAnotherEventException {

    RecipientUnknownException(String message) {
        super(message);
    }
}
