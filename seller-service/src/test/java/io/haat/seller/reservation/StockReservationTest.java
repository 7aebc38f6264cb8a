package io.haat.seller.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.events.inventory.StockLine;
import io.haat.events.inventory.StockRejected;
import io.haat.events.inventory.StockReservationExpired;
import io.haat.events.inventory.StockReserved;
import io.haat.platform.domain.IllegalTransition;
import io.haat.platform.domain.Transition;
import io.haat.seller.TransitionOutcomes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The reservation's transition table: legal → new state and events; illegal → refused; already there → no-op. */
class StockReservationTest {

    private static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");
    private static final Instant EXPIRY = T0.plus(Duration.ofMinutes(15));
    private static final UUID STORE_A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID STORE_B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    private static StockReservation reserved() {
        return StockReservation.reserve("order-1", List.of(
                new ReservationLine(STORE_B, "B-1", 1, LineState.RESERVED),
                new ReservationLine(STORE_A, "A-1", 2, LineState.RESERVED)), EXPIRY, T0).state();
    }

    private static StockReservation in(ReservationStatus status) {
        return switch (status) {
            case RESERVED -> reserved();
            case COMMITTED -> reserved().commit(T0).state();
            case RELEASED -> reserved().release(T0).state();
            case EXPIRED -> reserved().expire(EXPIRY).state();
            case REJECTED -> StockReservation.reject("order-1", List.of(new StockLine(STORE_A.toString(), "A-1", 9)), T0)
                    .state();
        };
    }

    @Test
    void reservingHoldsEveryLineAndRaisesStockReserved() {
        Transition<StockReservation> t = StockReservation.reserve("order-1", List.of(
                new ReservationLine(STORE_B, "B-1", 1, LineState.RESERVED),
                new ReservationLine(STORE_A, "A-1", 2, LineState.RESERVED)), EXPIRY, T0);

        assertThat(t.changed()).isTrue();
        assertThat(t.state().status()).isEqualTo(ReservationStatus.RESERVED);
        assertThat(t.state().version()).isEqualTo(1);
        assertThat(t.state().lines()).extracting(ReservationLine::sku).containsExactly("A-1", "B-1"); // lock order
        assertThat(t.events()).containsExactly(new StockReserved("order-1", List.of(
                new StockLine(STORE_A.toString(), "A-1", 2), new StockLine(STORE_B.toString(), "B-1", 1)), EXPIRY));
        assertThatThrownBy(() -> StockReservation.reserve("order-2", List.of(), EXPIRY, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectingHoldsNothingAndRaisesStockRejected() {
        List<StockLine> unmet = List.of(new StockLine(STORE_A.toString(), "A-1", 9));
        Transition<StockReservation> t = StockReservation.reject("order-1", unmet, T0);

        assertThat(t.state().status()).isEqualTo(ReservationStatus.REJECTED);
        assertThat(t.state().lines()).isEmpty();
        assertThat(t.state().unmet()).isEqualTo(unmet);
        assertThat(t.events()).containsExactly(new StockRejected("order-1", unmet));
    }

    @Test
    void commitSellsEveryHeldLine() {
        StockReservation before = reserved();
        Transition<StockReservation> t = before.commit(T0.plusSeconds(5));

        assertThat(t.state().status()).isEqualTo(ReservationStatus.COMMITTED);
        assertThat(t.state().lines()).extracting(ReservationLine::state).containsOnly(LineState.COMMITTED);
        assertThat(t.state().version()).isEqualTo(before.version() + 1);
        assertThat(t.state().updatedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(t.events()).isEmpty();
        assertThat(before.movesTo(t.state())).extracting(m -> m.line().sku() + ":" + m.from() + "->" + m.to())
                .containsExactly("A-1:RESERVED->COMMITTED", "B-1:RESERVED->COMMITTED");
    }

    @Test
    void releaseGivesBackHeldUnitsAndRestocksSoldOnes() {
        Transition<StockReservation> fromReserved = reserved().release(T0);
        assertThat(fromReserved.state().status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(fromReserved.state().lines()).extracting(ReservationLine::state).containsOnly(LineState.RELEASED);

        StockReservation committed = in(ReservationStatus.COMMITTED);
        Transition<StockReservation> fromCommitted = committed.release(T0);
        assertThat(fromCommitted.state().status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(committed.movesTo(fromCommitted.state())).extracting(m -> m.from() + "->" + m.to())
                .containsOnly("COMMITTED->RESTOCKED");
        assertThat(fromCommitted.events()).isEmpty();
    }

    @Test
    void releasingOneStoreTouchesOnlyItsLinesAndKeepsTheStatus() {
        StockReservation committed = in(ReservationStatus.COMMITTED);
        Transition<StockReservation> t = committed.releaseStore(STORE_B, T0);

        assertThat(t.changed()).isTrue();
        assertThat(t.state().status()).isEqualTo(ReservationStatus.COMMITTED);
        assertThat(committed.movesTo(t.state())).extracting(m -> m.line().sku() + ":" + m.to())
                .containsExactly("B-1:RESTOCKED");
        // the same store again, or a store with nothing in the order: nothing to do
        assertThat(t.state().releaseStore(STORE_B, T0)).isEqualTo(Transition.unchanged(t.state()));
        assertThat(committed.releaseStore(UUID.randomUUID(), T0)).isEqualTo(Transition.unchanged(committed));
        // a later whole-order release gives back the rest only
        StockReservation partly = t.state();
        assertThat(partly.movesTo(partly.release(T0).state())).extracting(m -> m.line().sku()).containsExactly("A-1");
    }

    @Test
    void expiryReleasesADueReservationAndRaisesStockReservationExpired() {
        StockReservation before = reserved();
        Transition<StockReservation> t = before.expire(EXPIRY);

        assertThat(t.state().status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(t.state().lines()).extracting(ReservationLine::state).containsOnly(LineState.RELEASED);
        assertThat(t.events()).containsExactly(new StockReservationExpired("order-1"));
        assertThatThrownBy(() -> before.expire(EXPIRY.minusMillis(1)))
                .isInstanceOf(IllegalTransition.class).hasMessageContaining("cannot be expired before");
    }

    /** Each action from each status: the new status, "no-op" or "refused". */
    @ParameterizedTest
    @EnumSource(ReservationStatus.class)
    void transitionTable(ReservationStatus from) {
        String[] expected = switch (from) {
            //                   commit        release      expire
            case RESERVED -> new String[] {"COMMITTED", "RELEASED", "EXPIRED"};
            case COMMITTED -> new String[] {"no-op", "RELEASED", "refused"};
            case RELEASED -> new String[] {"refused", "no-op", "refused"};
            case EXPIRED -> new String[] {"refused", "no-op", "no-op"};
            case REJECTED -> new String[] {"refused", "no-op", "refused"};
        };
        List<Function<StockReservation, Transition<StockReservation>>> actions = List.of(
                r -> r.commit(EXPIRY), r -> r.release(EXPIRY), r -> r.expire(EXPIRY));
        for (int i = 0; i < actions.size(); i++) {
            assertThat(outcome(in(from), actions.get(i))).as(from + " action " + i).isEqualTo(expected[i]);
        }
    }

    private static String outcome(StockReservation before, Function<StockReservation, Transition<StockReservation>> action) {
        return TransitionOutcomes.outcome(before, action, "reservation", StockReservation::status,
                StockReservation::version, t -> { });
    }
}
