package io.haat.seller.reservation;

import static io.haat.seller.support.SqlTime.instant;
import static io.haat.seller.support.SqlTime.ts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reservations and their lines; the order id is the key that makes a redelivered order a no-op. */
@Repository
public class ReservationRepository {

    private final JdbcClient jdbc;

    public ReservationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the order id with the given status; false if the order was already claimed. A concurrent
     * claim of the same order waits for this transaction and then gets false.
     */
    public boolean claim(String orderId, String customerId, ReservationStatus status) {
        return jdbc.sql("""
                        INSERT INTO stock_reservation (order_id, customer_id, status) VALUES (?, ?, ?)
                        ON CONFLICT (order_id) DO NOTHING""")
                .params(orderId, customerId, status.name()).update() == 1;
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

    public void addLine(String orderId, ReservationLine line) {
        jdbc.sql("INSERT INTO stock_reservation_line (order_id, store_id, sku, quantity, state) VALUES (?, ?, ?, ?, ?)")
                .params(orderId, line.storeId(), line.sku(), line.quantity(), line.state().name()).update();
    }

    public void setLineState(String orderId, ReservationLine line, LineState state) {
        jdbc.sql("UPDATE stock_reservation_line SET state = ? WHERE order_id = ? AND store_id = ? AND sku = ?")
                .params(state.name(), orderId, line.storeId(), line.sku()).update();
    }

    public void markReserved(String orderId, Instant expiresAt) {
        jdbc.sql("UPDATE stock_reservation SET status = 'RESERVED', expires_at = ?, updated_at = now() WHERE order_id = ?")
                .params(ts(expiresAt), orderId).update();
    }

    public void markRejected(String orderId, String unmetJson) {
        jdbc.sql("""
                        UPDATE stock_reservation SET status = 'REJECTED', unmet = ?::jsonb, updated_at = now()
                        WHERE order_id = ?""")
                .params(unmetJson, orderId).update();
    }

    public void setStatus(String orderId, ReservationStatus status) {
        jdbc.sql("""
                        UPDATE stock_reservation SET status = ?, updated_at = now(), version = version + 1
                        WHERE order_id = ?""")
                .params(status.name(), orderId).update();
    }

    /** The reservation with its lines, row-locked so that confirm, cancel and expiry of one order queue up. */
    public Optional<StockReservation> lock(String orderId) {
        return jdbc.sql("SELECT order_id, status, expires_at, version FROM stock_reservation WHERE order_id = ? FOR UPDATE")
                .param(orderId)
                .query((rs, row) -> new StockReservation(rs.getString("order_id"),
                        ReservationStatus.valueOf(rs.getString("status")), instant(rs, "expires_at"), List.of(),
                        rs.getLong("version")))
                .optional()
                .map(r -> new StockReservation(r.orderId(), r.status(), r.expiresAt(), lines(orderId), r.version()));
    }

    public List<ReservationLine> lines(String orderId) {
        return jdbc.sql("SELECT store_id, sku, quantity, state FROM stock_reservation_line WHERE order_id = ?")
                .param(orderId)
                .query((rs, row) -> new ReservationLine(rs.getObject("store_id", UUID.class), rs.getString("sku"),
                        rs.getInt("quantity"), LineState.valueOf(rs.getString("state"))))
                .list();
    }

    /** Orders whose reservation is past its expiry, locked; rows another instance is expiring are skipped. */
    public List<String> lockDueForExpiry(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT order_id FROM stock_reservation WHERE status = 'RESERVED' AND expires_at <= ?
                        ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(ts(now), limit).query(String.class).list();
    }

    public Optional<ReservationStatus> status(String orderId) {
        return jdbc.sql("SELECT status FROM stock_reservation WHERE order_id = ?").param(orderId)
                .query(String.class).optional().map(ReservationStatus::valueOf);
    }
}
