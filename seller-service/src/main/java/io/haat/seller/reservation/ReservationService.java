package io.haat.seller.reservation;

import io.haat.events.Topics;
import io.haat.events.inventory.StockLine;
import io.haat.platform.domain.IllegalTransition;
import io.haat.platform.domain.Transition;
import io.haat.platform.messaging.outbox.EventPublisher;
import io.haat.seller.inventory.InventoryItem;
import io.haat.seller.inventory.InventoryRepository;
import io.haat.seller.inventory.MovementKind;
import io.haat.seller.inventory.StockChanges;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stock half of the order saga, as an application service: it loads a {@link StockReservation}, asks it for
 * a transition, moves the stock rows the transition says with conditional SQL, saves the reservation and
 * publishes its events, all in the caller's transaction. An order's lines are reserved all or nothing: each line
 * is one conditional UPDATE (enough available?) taken in a fixed order (no deadlocks), inside a savepoint that is
 * rolled back if any line is short. Redelivered steps are no-ops (claim by order id; "already there" transitions).
 */
@Service
@Transactional(propagation = Propagation.REQUIRED)
public class ReservationService {

    private static final Logger log = LoggerFactory.getLogger(ReservationService.class);
    private static final String ACTOR = "order-saga";

    private final ReservationRepository reservations;
    private final InventoryRepository inventory;
    private final StockChanges changes;
    private final EventPublisher events;
    private final ReservationProperties properties;
    private final TransactionTemplate savepoint;
    private final Clock clock;
    private final List<ReservationListener> listeners;

    public ReservationService(ReservationRepository reservations, InventoryRepository inventory, StockChanges changes,
                              EventPublisher events, ReservationProperties properties,
                              PlatformTransactionManager transactionManager, Clock clock,
                              List<ReservationListener> listeners) {
        this.reservations = reservations;
        this.inventory = inventory;
        this.changes = changes;
        this.events = events;
        this.properties = properties;
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
    }

    /** Reserves every line of the order, or nothing; emits StockReserved or StockRejected. */
    public ReservationOutcome reserve(String orderId, String customerId, List<StockLine> requested) {
        if (!reservations.claim(orderId, customerId, ReservationStatus.RESERVED)) {
            return new ReservationOutcome.Duplicate();
        }
        RequestedLines lines = RequestedLines.of(requested);
        List<StockLine> unmet = new ArrayList<>(lines.invalid());
        if (unmet.isEmpty() && !lines.valid().isEmpty()) {
            Map<UUID, String> stores = reservations.lockStores(lines.storeIds());
            lines.valid().stream().filter(l -> !"ACTIVE".equals(stores.get(l.storeId())))
                    .forEach(l -> unmet.add(toStockLine(l)));
        }
        List<InventoryItem> reserved = unmet.isEmpty() && !lines.valid().isEmpty()
                ? reserveAll(lines.valid(), unmet) : List.of();
        Instant now = clock.instant();
        if (reserved.isEmpty()) {
            Transition<StockReservation> rejected = StockReservation.reject(orderId, unmet, now);
            saveFirst(rejected);
            return new ReservationOutcome.Rejected(rejected.state().unmet());
        }
        for (int i = 0; i < reserved.size(); i++) {
            changes.record(reserved.get(i), MovementKind.RESERVE, 0, lines.valid().get(i).quantity(), null, ACTOR,
                    orderId);
        }
        Transition<StockReservation> held = StockReservation.reserve(orderId, lines.valid(),
                now.plus(properties.ttl()), now);
        saveFirst(held);
        return new ReservationOutcome.Reserved(held.state().stockLines(), held.state().expiresAt());
    }

    /** The order was confirmed: reserved units are sold (quantity and reserved go down). */
    public void commit(String orderId) {
        reservations.lock(orderId).ifPresent(reservation -> {
            try {
                apply(reservation, reservation.commit(clock.instant()), MovementKind.RELEASE);
            } catch (IllegalTransition refused) {
                // e.g. confirmed after the reservation expired: the saga cancels the order on StockReservationExpired
                log.warn("Order {} confirmed but its reservation is {}; nothing committed", orderId, refused.fromStatus());
            }
        });
    }

    /**
     * The order was cancelled: held units are released and sold units (cancelled before shipment) go back on
     * the shelf. An order cancelled before its OrderPlaced was seen is remembered as RELEASED, so that a late
     * OrderPlaced reserves nothing.
     */
    public void cancel(String orderId, String customerId) {
        if (reservations.claim(orderId, customerId, ReservationStatus.RELEASED)) {
            return;
        }
        reservations.lock(orderId).ifPresent(reservation ->
                apply(reservation, reservation.release(clock.instant()), MovementKind.RELEASE));
    }

    /** One store's part of the order was cancelled: give back that store's units only. */
    public void cancelStorePart(String orderId, UUID storeId) {
        reservations.lock(orderId).ifPresent(reservation ->
                apply(reservation, reservation.releaseStore(storeId, clock.instant()), MovementKind.RELEASE));
    }

    /**
     * A return was received: its lines go back on the shelf (movement kind RETURN), once per return id — the first
     * call claims {@code return_restock}, any later one (a redelivery, a second RECEIVED) restocks nothing. Lines that
     * cannot be understood are skipped; an item unknown here is created (the goods are back whatever the inventory
     * says). Rows are touched in lock order, as reservations do.
     *
     * @return the units put back (0 for a repeat)
     */
    public int restockReturn(String returnId, String orderId, UUID storeId, List<StockLine> returned) {
        RequestedLines lines = RequestedLines.of(returned);
        if (!lines.invalid().isEmpty()) {
            log.warn("Return {} of order {}: lines not understood, not restocked: {}", returnId, orderId,
                    lines.invalid());
        }
        int units = lines.valid().stream().mapToInt(ReservationLine::quantity).sum();
        if (!reservations.claimReturn(returnId, orderId, storeId, units, clock.instant())) {
            return 0;
        }
        for (ReservationLine line : lines.valid()) {
            inventory.createIfAbsent(line.storeId(), line.sku(), 0);
            changes.record(inventory.restock(line.storeId(), line.sku(), line.quantity()), MovementKind.RETURN,
                    line.quantity(), 0, "return " + returnId, ACTOR, orderId);
        }
        return units;
    }

    /** Releases the order's stock if its reservation is due; emits StockReservationExpired. */
    public boolean expire(String orderId) {
        Optional<StockReservation> found = reservations.lock(orderId);
        if (found.isEmpty()) {
            return false;
        }
        Transition<StockReservation> expired;
        try {
            expired = found.get().expire(clock.instant());
        } catch (IllegalTransition notDue) {
            return false; // confirmed, cancelled or extended since it was found due
        }
        if (!apply(found.get(), expired, MovementKind.EXPIRE)) {
            return false;
        }
        listeners.forEach(listener -> listener.expired(orderId));
        return true;
    }

    /** Orders due for expiry, locked for this transaction. */
    public List<String> lockDueForExpiry(int limit) {
        return reservations.lockDueForExpiry(clock.instant(), limit);
    }

    private void saveFirst(Transition<StockReservation> first) {
        reservations.saveFirst(first.state());
        publish(first);
    }

    /**
     * Carries out a transition of a loaded reservation: moves each line's units with one conditional UPDATE of
     * its stock row (the row's CHECKs refuse anything that would oversell), stores the reservation conditionally
     * on the state it was loaded in, and publishes its events. False if the reservation was already there.
     */
    private boolean apply(StockReservation before, Transition<StockReservation> transition, MovementKind releaseKind) {
        if (!transition.changed()) {
            return false;
        }
        String orderId = before.orderId();
        for (StockReservation.LineMove move : before.movesTo(transition.state())) {
            ReservationLine line = move.line();
            int units = line.quantity();
            switch (move.to()) {
                case COMMITTED -> changes.record(inventory.commit(line.storeId(), line.sku(), units),
                        MovementKind.COMMIT, -units, -units, null, ACTOR, orderId);
                case RELEASED -> changes.record(inventory.release(line.storeId(), line.sku(), units),
                        releaseKind, 0, -units, null, ACTOR, orderId);
                case RESTOCKED -> changes.record(inventory.restock(line.storeId(), line.sku(), units),
                        MovementKind.RESTOCK, units, 0, "sale cancelled", ACTOR, orderId);
                case RESERVED -> throw new IllegalStateException("units are reserved only when an order is placed");
            }
        }
        reservations.save(before, transition.state());
        publish(transition);
        return true;
    }

    private void publish(Transition<StockReservation> transition) {
        transition.events().forEach(event ->
                events.publish(Topics.SELLER_INVENTORY, event, transition.state().version()));
    }

    /** Tries every line inside a savepoint; if any is short, rolls the savepoint back and fills {@code unmet}. */
    private List<InventoryItem> reserveAll(List<ReservationLine> lines, List<StockLine> unmet) {
        List<InventoryItem> reserved = new ArrayList<>();
        savepoint.executeWithoutResult(status -> {
            for (ReservationLine line : lines) {
                inventory.tryReserve(line.storeId(), line.sku(), line.quantity())
                        .ifPresentOrElse(reserved::add, () -> unmet.add(toStockLine(line)));
            }
            if (!unmet.isEmpty()) {
                status.setRollbackOnly();
            }
        });
        return unmet.isEmpty() ? reserved : List.of();
    }

    private static StockLine toStockLine(ReservationLine line) {
        return new StockLine(line.storeId().toString(), line.sku(), line.quantity());
    }
}
