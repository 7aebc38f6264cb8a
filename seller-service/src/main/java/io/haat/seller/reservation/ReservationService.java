package io.haat.seller.reservation;

import io.haat.events.Topics;
import io.haat.events.inventory.StockLine;
import io.haat.events.inventory.StockRejected;
import io.haat.events.inventory.StockReservationExpired;
import io.haat.events.inventory.StockReserved;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The stock half of the order saga. An order's lines are reserved in one transaction, all or nothing:
 * each line is one conditional UPDATE (enough available?) taken in a fixed order (no deadlocks), inside a
 * savepoint that is rolled back if any line is short. Confirmation commits, cancellation releases (or
 * restocks units already sold), expiry releases. Each step is idempotent by order id and line state.
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
    private final JsonMapper json;
    private final Clock clock;
    private final List<ReservationListener> listeners;

    public ReservationService(ReservationRepository reservations, InventoryRepository inventory, StockChanges changes,
                              EventPublisher events, ReservationProperties properties,
                              PlatformTransactionManager transactionManager, JsonMapper json, Clock clock,
                              List<ReservationListener> listeners) {
        this.reservations = reservations;
        this.inventory = inventory;
        this.changes = changes;
        this.events = events;
        this.properties = properties;
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.json = json;
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
        if (reserved.isEmpty()) {
            reservations.markRejected(orderId, json.writeValueAsString(unmet));
            events.publish(Topics.SELLER_INVENTORY, new StockRejected(orderId, List.copyOf(unmet)), 1);
            return new ReservationOutcome.Rejected(List.copyOf(unmet));
        }
        for (int i = 0; i < reserved.size(); i++) {
            ReservationLine line = lines.valid().get(i);
            reservations.addLine(orderId, line);
            changes.record(reserved.get(i), MovementKind.RESERVE, 0, line.quantity(), null, ACTOR, orderId);
        }
        Instant expiresAt = clock.instant().plus(properties.ttl());
        reservations.markReserved(orderId, expiresAt);
        List<StockLine> stockLines = lines.valid().stream().map(ReservationService::toStockLine).toList();
        events.publish(Topics.SELLER_INVENTORY, new StockReserved(orderId, stockLines, expiresAt), 1);
        return new ReservationOutcome.Reserved(stockLines, expiresAt);
    }

    /** The order was confirmed: reserved units are sold (quantity and reserved go down). */
    public void commit(String orderId) {
        Optional<StockReservation> found = reservations.lock(orderId);
        if (found.isEmpty() || !found.get().canCommit()) {
            found.filter(r -> r.status() != ReservationStatus.COMMITTED).ifPresent(r -> log.warn(
                    "Order {} confirmed but its reservation is {}; nothing committed", orderId, r.status()));
            return;
        }
        for (ReservationLine line : found.get().held()) {
            InventoryItem after = inventory.commit(line.storeId(), line.sku(), line.quantity());
            reservations.setLineState(orderId, line, LineState.COMMITTED);
            changes.record(after, MovementKind.COMMIT, -line.quantity(), -line.quantity(), null, ACTOR, orderId);
        }
        reservations.setStatus(orderId, ReservationStatus.COMMITTED);
    }

    /**
     * The order was cancelled: held units are released and sold units (cancelled before shipment) go
     * back on the shelf. An order cancelled before its OrderPlaced was seen is remembered, so that a
     * late OrderPlaced reserves nothing.
     */
    public void cancel(String orderId, String customerId) {
        if (reservations.claim(orderId, customerId, ReservationStatus.RELEASED)) {
            return;
        }
        reservations.lock(orderId).ifPresent(reservation -> {
            giveBack(reservation, null, MovementKind.RELEASE);
            if (reservation.status() == ReservationStatus.RESERVED || reservation.status() == ReservationStatus.COMMITTED) {
                reservations.setStatus(orderId, ReservationStatus.RELEASED);
            }
        });
    }

    /** One store's part of the order was cancelled: give back that store's units only. */
    public void cancelStorePart(String orderId, UUID storeId) {
        reservations.lock(orderId).ifPresent(reservation -> giveBack(reservation, storeId, MovementKind.RELEASE));
    }

    /** Releases the order's stock if its reservation is due; emits StockReservationExpired. */
    public boolean expire(String orderId) {
        Optional<StockReservation> found = reservations.lock(orderId);
        if (found.isEmpty() || !found.get().canExpire(clock.instant())) {
            return false;
        }
        giveBack(found.get(), null, MovementKind.EXPIRE);
        reservations.setStatus(orderId, ReservationStatus.EXPIRED);
        events.publish(Topics.SELLER_INVENTORY, new StockReservationExpired(orderId), 2);
        listeners.forEach(listener -> listener.expired(orderId));
        return true;
    }

    /** Orders due for expiry, locked for this transaction. */
    public List<String> lockDueForExpiry(int limit) {
        return reservations.lockDueForExpiry(clock.instant(), limit);
    }

    private void giveBack(StockReservation reservation, UUID onlyStore, MovementKind releaseKind) {
        String orderId = reservation.orderId();
        for (ReservationLine line : reservation.held()) {
            if (onlyStore == null || onlyStore.equals(line.storeId())) {
                InventoryItem after = inventory.release(line.storeId(), line.sku(), line.quantity());
                reservations.setLineState(orderId, line, LineState.RELEASED);
                changes.record(after, releaseKind, 0, -line.quantity(), null, ACTOR, orderId);
            }
        }
        for (ReservationLine line : reservation.sold()) {
            if (onlyStore == null || onlyStore.equals(line.storeId())) {
                InventoryItem after = inventory.restock(line.storeId(), line.sku(), line.quantity());
                reservations.setLineState(orderId, line, LineState.RESTOCKED);
                changes.record(after, MovementKind.RESTOCK, line.quantity(), 0, "sale cancelled", ACTOR, orderId);
            }
        }
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
