package io.haat.platform.domain;

import io.haat.events.DomainEvent;
import java.util.List;
import java.util.Objects;

/**
 * What a transition method of an aggregate returns: the aggregate after the transition and the events the
 * transition raised. The application service saves {@link #state} (conditionally on the state it loaded) and
 * hands {@link #events} to the outbox in the same write; it decides nothing itself.
 *
 * <p>Asked for the state it is already in, an aggregate answers {@link #unchanged}: the same aggregate, no event,
 * nothing to save. That is the one rule for "already in that state" everywhere (never an error), so redelivered
 * messages and retried requests are harmless. A transition that is not allowed throws (see
 * {@link IllegalTransition}).
 *
 * @param state   the aggregate after the transition (the same instance when nothing changed)
 * @param events  what happened, in order; empty for a no-op (and possibly for a change nobody needs to hear about)
 * @param changed whether there is anything to save
 */
public record Transition<A>(A state, List<DomainEvent> events, boolean changed) {

    public Transition {
        Objects.requireNonNull(state, "state");
        events = List.copyOf(events);
        if (!changed && !events.isEmpty()) {
            throw new IllegalArgumentException("an unchanged aggregate raises no event");
        }
    }

    /** The aggregate changed to {@code next}, raising {@code events}. */
    public static <A> Transition<A> to(A next, DomainEvent... events) {
        return new Transition<>(next, List.of(events), true);
    }

    public static <A> Transition<A> to(A next, List<? extends DomainEvent> events) {
        return new Transition<>(next, List.copyOf(events), true);
    }

    /** The aggregate is already in the requested state: nothing to save, nothing to publish. */
    public static <A> Transition<A> unchanged(A current) {
        return new Transition<>(current, List.of(), false);
    }
}
