package io.haat.seller.reservation;

import static io.haat.seller.support.SqlTime.instant;
import static io.haat.seller.support.SqlTime.ts;

import io.haat.events.inventory.StockLine;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reservations and their lines. The order id is the key that makes a redelivered order a no-op. This class
 * decides no transition: it stores what {@link StockReservation} decided, each write conditional on the status,
 * version or line state the reservation was loaded with, so a write that raced another fails instead of
 * overwriting it.
 */
@Repository
public class ReservationRepository {

    private static final TypeReference<List<StockLine>> STOCK_LINES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public ReservationRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Claims the order id with the given status (version 0, no lines); false if the order was already claimed.
     * A concurrent claim of the same order waits for this transaction and then gets false.
     */
    public boolean claim(String orderId, String customerId, ReservationStatus status) {
        return jdbc.sql("""
                        INSERT INTO stock_reservation (order_id, customer_id, status) VALUES (?, ?, ?)
                        ON CONFLICT (order_id) DO NOTHING""")
                .params(orderId, customerId, status.name()).update() == 1;
    }

    /** Claims the restock of a received return; false if it was claimed before (nothing to do then). */
    public boolean claimReturn(String returnId, String orderId, UUID storeId, int units, Instant at) {
        return jdbc.sql("""
                        INSERT INTO return_restock (return_id, order_id, store_id, units, restocked_at)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (return_id) DO NOTHING""")
                .params(returnId, orderId, storeId, units, ts(at)).update() == 1;
    }

    /**
     * Takes a key-share lock on each store, in id order, and returns the statuses found. The lock lets
     * reservations run side by side but makes a store's deletion or suspension (FOR UPDATE) wait for them.
     */
    public Map<UUID, String> lockStores(List<UUID> storeIds) {
        Map<UUID, String> statuses = new LinkedHashMap<>();
        jdbc.sql("SELECT id, status FROM store WHERE id = ANY(?::uuid[]) ORDER BY id FOR KEY SHARE")
                .param(storeIds.stream().map(UUID::toString).toArray(String[]::new))
                .query(rs -> {
                    statuses.put(rs.getObject("id", UUID.class), rs.getString("status"));
                });
        return statuses;
    }

    /** Stores the first state of a reservation (reserved or rejected) in the row this transaction claimed. */
    public void saveFirst(StockReservation reservation) {
        int updated = jdbc.sql("""
                        UPDATE stock_reservation SET status = ?, expires_at = ?, unmet = ?::jsonb, updated_at = ?,
                            version = ?
                        WHERE order_id = ? AND version = 0""")
                .params(reservation.status().name(), ts(reservation.expiresAt()),
                        reservation.unmet().isEmpty() ? null : json.writeValueAsString(reservation.unmet()),
                        ts(reservation.updatedAt()), reservation.version(), reservation.orderId())
                .update();
        requireOne(updated, reservation.orderId());
        for (ReservationLine line : reservation.lines()) {
            jdbc.sql("INSERT INTO stock_reservation_line (order_id, store_id, sku, quantity, state) VALUES (?, ?, ?, ?, ?)")
                    .params(reservation.orderId(), line.storeId(), line.sku(), line.quantity(), line.state().name())
                    .update();
        }
    }

    /** Stores a transition of a reservation loaded as {@code before}. */
    public void save(StockReservation before, StockReservation after) {
        int updated = jdbc.sql("""
                        UPDATE stock_reservation SET status = ?, updated_at = ?, version = ?
                        WHERE order_id = ? AND status = ? AND version = ?""")
                .params(after.status().name(), ts(after.updatedAt()), after.version(), before.orderId(),
                        before.status().name(), before.version())
                .update();
        requireOne(updated, before.orderId());
        for (StockReservation.LineMove move : before.movesTo(after)) {
            ReservationLine line = move.line();
            requireOne(jdbc.sql("""
                            UPDATE stock_reservation_line SET state = ?
                            WHERE order_id = ? AND store_id = ? AND sku = ? AND state = ?""")
                    .params(move.to().name(), before.orderId(), line.storeId(), line.sku(), move.from().name())
                    .update(), before.orderId());
        }
    }

    /** The reservation with its lines, row-locked so that confirm, cancel and expiry of one order queue up. */
    public Optional<StockReservation> lock(String orderId) {
        return jdbc.sql("""
                        SELECT order_id, status, expires_at, unmet::text AS unmet, updated_at, version
                        FROM stock_reservation WHERE order_id = ? FOR UPDATE""")
                .param(orderId)
                .query((rs, row) -> new StockReservation(rs.getString("order_id"),
                        ReservationStatus.valueOf(rs.getString("status")), instant(rs, "expires_at"), List.of(),
                        unmet(rs.getString("unmet")), instant(rs, "updated_at"), rs.getLong("version")))
                .optional()
                .map(r -> new StockReservation(r.orderId(), r.status(), r.expiresAt(), lines(orderId), r.unmet(),
                        r.updatedAt(), r.version()));
    }

    public List<ReservationLine> lines(String orderId) {
        return jdbc.sql("SELECT store_id, sku, quantity, state FROM stock_reservation_line WHERE order_id = ?")
                .param(orderId)
                .query((rs, row) -> new ReservationLine(rs.getObject("store_id", UUID.class), rs.getString("sku"),
                        rs.getInt("quantity"), LineState.valueOf(rs.getString("state"))))
                .list();
    }

    /**
     * Orders whose reservation is past its expiry, locked; rows another instance is expiring are skipped. The
     * status is a literal so that the partial index {@code stock_reservation_expiry_idx} matches every plan.
     */
    public List<String> lockDueForExpiry(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT order_id FROM stock_reservation WHERE status = 'RESERVED' AND expires_at <= ?
                        ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(ts(now), limit).query(String.class).list();
    }

    private List<StockLine> unmet(String text) {
        return text == null ? List.of() : json.readValue(text, STOCK_LINES);
    }

    private static void requireOne(int updated, String orderId) {
        if (updated != 1) {
            throw new OptimisticLockingFailureException("stock reservation " + orderId + " changed concurrently");
        }
    }
}
