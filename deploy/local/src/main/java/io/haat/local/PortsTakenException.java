package io.haat.local;

/** A start refused before anything started: ports the run needs are taken (the message names them and what to do). */
public final class PortsTakenException extends IllegalStateException {

    public PortsTakenException(String message) {
        super(message);
    }
}
