package io.haat.platform.web;

/**
 * 412 {@code stale-version}: the client edited a version of the resource that is no longer the current one
 * (another edit came first). The client reloads and retries. Thrown by {@link Versions#requireCurrent}.
 */
public class StaleVersionException extends PreconditionFailedException {

    public StaleVersionException(String detail) {
        super(ProblemTypes.STALE_VERSION, "Stale version", detail, null);
    }

    /** {@code resource} edited at {@code expected} is now at {@code current}; the body carries {@code currentVersion}. */
    public StaleVersionException(String resource, long expected, long current) {
        this(resource + " was changed since version " + expected + " (now " + current + "). Reload it and retry.");
        with("currentVersion", current);
    }
}
