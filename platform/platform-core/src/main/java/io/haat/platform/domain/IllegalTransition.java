package io.haat.platform.domain;

import io.haat.platform.web.ConflictException;

/**
 * 409 {@code illegal-<aggregate>-transition}: the aggregate's status does not allow the action (e.g. committing an
 * expired reservation, reporting a hidden review). Thrown by an aggregate's transition methods; the problem
 * carries the current {@code status}.
 */
public class IllegalTransition extends ConflictException {

    private final String fromStatus;

    public IllegalTransition(String aggregate, Enum<?> status, String action) {
        super("illegal-" + aggregate + "-transition", "Action not allowed in this status",
                "A " + aggregate + " that is " + status + " cannot be " + action + ".");
        this.fromStatus = status.name();
        with("status", fromStatus);
    }

    /** The status the aggregate was in. */
    public String fromStatus() {
        return fromStatus;
    }
}
