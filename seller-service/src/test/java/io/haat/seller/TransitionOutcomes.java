package io.haat.seller;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.platform.domain.IllegalTransition;
import io.haat.platform.domain.Transition;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Runs one action of an aggregate's transition table and names its outcome for the table's assertion:
 * {@code "refused"} (an {@link IllegalTransition} of that aggregate, from the status it was in), {@code "no-op"}
 * (already there: the same instance, no event) or the new status (the version one higher, then
 * {@code changed} checks what is particular to the aggregate, e.g. its event).
 */
public final class TransitionOutcomes {

    private TransitionOutcomes() {
    }

    public static <A> String outcome(A before, Function<A, Transition<A>> action, String aggregate,
                                     Function<A, Enum<?>> status, ToLongFunction<A> version,
                                     Consumer<Transition<A>> changed) {
        Transition<A> t;
        try {
            t = action.apply(before);
        } catch (IllegalTransition refused) {
            assertThat(refused.fromStatus()).isEqualTo(status.apply(before).name());
            assertThat(refused.type().toString()).endsWith("/illegal-" + aggregate + "-transition");
            return "refused";
        }
        if (!t.changed()) {
            assertThat(t.state()).isSameAs(before);
            assertThat(t.events()).isEmpty();
            return "no-op";
        }
        assertThat(version.applyAsLong(t.state())).isEqualTo(version.applyAsLong(before) + 1);
        changed.accept(t);
        return status.apply(t.state()).name();
    }
}
