package io.haat.platform.messaging;

/**
 * A Kafka record value that is not a valid event envelope (or whose payload does not fit the
 * expected event type). Retrying cannot fix it, so the listener error handler sends it straight
 * to the dead-letter topic.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
