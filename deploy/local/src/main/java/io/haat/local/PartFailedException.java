package io.haat.local;

/** A part did not become ready: it exited, or did not answer in time. */
public final class PartFailedException extends RuntimeException {

    private final String part;

    public PartFailedException(String part, String reason) {
        super(part + ": " + reason);
        this.part = part;
    }

    public String part() {
        return part;
    }
}
