package io.haat.seller.reservation;

import io.haat.events.inventory.StockLine;
import io.haat.events.inventory.StockRejected;
import io.haat.events.inventory.StockReservationExpired;
import io.haat.events.inventory.StockReserved;
import io.haat.platform.domain.IllegalTransition;
import io.haat.platform.domain.Transition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The stock held for one order, line by line: the stock half of the order saga. The status rules live here;
 * every transition returns the reservation after it with the events it raised, or is a no-op when the
 * reservation is already where it was asked to go, or throws {@link IllegalTransition}. The stock rows
 * themselves are changed by the service with conditional SQL (see {@code InventoryRepository}), line by line
 * as {@link #movesTo} says.
 *
 * <pre>
 * from \ action  commit     release    releaseStore(store)      expire
 * RESERVED       COMMITTED  RELEASED   RESERVED, its lines out  EXPIRED + StockReservationExpired (refused if not due)
 * COMMITTED      no-op      RELEASED   COMMITTED, its lines out refused
 * RELEASED       refused    no-op      no-op                    refused
 * EXPIRED        refused    no-op      no-op                    no-op
 * REJECTED       refused    no-op      no-op                    refused
 * </pre>
 * (Lines out: held units released, sold ones restocked.)
 * New reservations come from {@link #reserve} (+ StockReserved) or {@link #reject} (+ StockRejected).
 * {@code release} means "hold nothing for this order", so a reservation that holds nothing already (RELEASED,
 * EXPIRED, REJECTED) is already there; {@code releaseStore} of a store that holds nothing is a no-op too.
 */
public record StockReservation(String orderId, ReservationStatus status, Instant expiresAt,
                               List<ReservationLine> lines, List<StockLine> unmet, Instant updatedAt, long version) {

    static final String AGGREGATE = "reservation";

    public StockReservation {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(status, "status");
        lines = lines == null ? List.of() : lines.stream().sorted(ReservationLine.LOCK_ORDER).toList();
        unmet = unmet == null ? List.of() : List.copyOf(unmet);
    }

    /** Every line is held until {@code expiresAt}; the caller has already reserved the units of each. */
    public static Transition<StockReservation> reserve(String orderId, List<ReservationLine> lines, Instant expiresAt,
                                                       Instant at) {
        if (lines.isEmpty() || lines.stream().anyMatch(l -> l.state() != LineState.RESERVED)) {
            throw new IllegalArgumentException("a reservation holds at least one reserved line");
        }
        StockReservation reserved = new StockReservation(orderId, ReservationStatus.RESERVED, expiresAt, lines,
                List.of(), at, 1);
        return Transition.to(reserved, new StockReserved(orderId, reserved.stockLines(), expiresAt));
    }

    /** Nothing is held: {@code unmet} are the lines that could not be met. */
    public static Transition<StockReservation> reject(String orderId, List<StockLine> unmet, Instant at) {
        StockReservation rejected = new StockReservation(orderId, ReservationStatus.REJECTED, null, List.of(), unmet,
                at, 1);
        return Transition.to(rejected, new StockRejected(orderId, rejected.unmet()));
    }

    /** The order was confirmed: every held unit is sold. */
    public Transition<StockReservation> commit(Instant at) {
        if (status == ReservationStatus.COMMITTED) {
            return Transition.unchanged(this);
        }
        require(status == ReservationStatus.RESERVED, "committed");
        return Transition.to(next(ReservationStatus.COMMITTED, move(LineState.COMMITTED), at));
    }

    /**
     * The order was cancelled: held units are released and sold ones (cancelled before shipment) go back on the
     * shelf. A reservation that holds nothing (RELEASED, EXPIRED, REJECTED) is left as it is.
     */
    public Transition<StockReservation> release(Instant at) {
        if (status == ReservationStatus.RELEASED || status == ReservationStatus.EXPIRED
                || status == ReservationStatus.REJECTED) {
            return Transition.unchanged(this);
        }
        return Transition.to(next(ReservationStatus.RELEASED, giveBack(l -> true), at));
    }

    /** One store's part of the order was cancelled: that store's units only; the status stays. */
    public Transition<StockReservation> releaseStore(UUID storeId, Instant at) {
        List<ReservationLine> after = giveBack(l -> l.storeId().equals(storeId));
        if (after.equals(lines)) {
            return Transition.unchanged(this);
        }
        return Transition.to(next(status, after, at));
    }

    /** The order was not confirmed in time: held units are released; raises {@link StockReservationExpired}. */
    public Transition<StockReservation> expire(Instant now) {
        if (status == ReservationStatus.EXPIRED) {
            return Transition.unchanged(this);
        }
        require(status == ReservationStatus.RESERVED, "expired");
        require(isDue(now), "expired before " + expiresAt);
        return Transition.to(next(ReservationStatus.EXPIRED, move(LineState.RELEASED), now),
                new StockReservationExpired(orderId));
    }

    public boolean isDue(Instant now) {
        return status == ReservationStatus.RESERVED && expiresAt != null && !expiresAt.isAfter(now);
    }

    /** The lines whose units change place between this reservation and {@code next}, in lock order. */
    public List<LineMove> movesTo(StockReservation next) {
        Map<String, ReservationLine> before = lines.stream()
                .collect(Collectors.toMap(StockReservation::key, Function.identity()));
        List<LineMove> moves = new ArrayList<>();
        for (ReservationLine after : next.lines()) {
            ReservationLine was = before.get(key(after));
            if (was != null && was.state() != after.state()) {
                moves.add(new LineMove(was, after.state()));
            }
        }
        return List.copyOf(moves);
    }

    /** One line's units moving from the line's state to {@code to}. */
    public record LineMove(ReservationLine line, LineState to) {

        public LineState from() {
            return line.state();
        }
    }

    public List<StockLine> stockLines() {
        return lines.stream().map(l -> new StockLine(l.storeId().toString(), l.sku(), l.quantity())).toList();
    }

    /** Held units are released, sold ones restocked, for the lines {@code which} selects. */
    private List<ReservationLine> giveBack(Predicate<ReservationLine> which) {
        return lines.stream().map(l -> !which.test(l) ? l : switch (l.state()) {
            case RESERVED -> l.withState(LineState.RELEASED);
            case COMMITTED -> l.withState(LineState.RESTOCKED);
            case RELEASED, RESTOCKED -> l;
        }).toList();
    }

    /** Every held line moves to {@code to}. */
    private List<ReservationLine> move(LineState to) {
        return lines.stream().map(l -> l.state() == LineState.RESERVED ? l.withState(to) : l).toList();
    }

    private StockReservation next(ReservationStatus to, List<ReservationLine> newLines, Instant at) {
        return new StockReservation(orderId, to, expiresAt, newLines, unmet, at, version + 1);
    }

    private void require(boolean allowed, String action) {
        if (!allowed) {
            throw new IllegalTransition(AGGREGATE, status, action);
        }
    }

    private static String key(ReservationLine line) {
        return line.storeId() + "|" + line.sku();
    }
}
