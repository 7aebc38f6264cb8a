package io.haat.seller.inventory;

import static io.haat.seller.support.SqlTime.instant;

import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The history of stock movements and the low-stock alerts of each item. */
@Repository
public class StockHistoryRepository {

    private final JdbcClient jdbc;

    public StockHistoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void addMovement(InventoryItem after, MovementKind kind, int quantityDelta, int reservedDelta,
                            String reason, String actor, String orderId) {
        jdbc.sql("""
                        INSERT INTO inventory_movement (store_id, sku, kind, quantity_delta, reserved_delta, quantity_after,
                            reserved_after, reason, actor, order_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(after.storeId(), after.sku(), kind.name(), quantityDelta, reservedDelta, after.quantity(),
                        after.reserved(), reason, actor, orderId)
                .update();
    }

    public PageResponse<MovementResponse> movements(UUID storeId, String sku, Paging paging) {
        long total = jdbc.sql("SELECT count(*) FROM inventory_movement WHERE store_id = ? AND sku = ?")
                .params(storeId, sku).query(Long.class).single();
        List<MovementResponse> items = jdbc.sql("""
                        SELECT id, kind, quantity_delta, reserved_delta, quantity_after, reserved_after, reason, actor,
                            order_id, at
                        FROM inventory_movement WHERE store_id = ? AND sku = ? ORDER BY id DESC LIMIT ? OFFSET ?""")
                .params(storeId, sku, paging.size(), paging.offset())
                .query((rs, row) -> new MovementResponse(rs.getLong("id"), MovementKind.valueOf(rs.getString("kind")),
                        rs.getInt("quantity_delta"), rs.getInt("reserved_delta"), rs.getInt("quantity_after"),
                        rs.getInt("reserved_after"), rs.getString("reason"), rs.getString("actor"),
                        rs.getString("order_id"), instant(rs, "at")))
                .list();
        return PageResponse.of(items, paging, total);
    }

    public UUID openAlert(InventoryItem item) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO low_stock_alert (id, store_id, sku, available, threshold) VALUES (?, ?, ?, ?, ?)")
                .params(id, item.storeId(), item.sku(), item.available(), item.lowStockThreshold()).update();
        return id;
    }

    public void resolveAlert(UUID storeId, String sku) {
        jdbc.sql("UPDATE low_stock_alert SET resolved_at = now() WHERE store_id = ? AND sku = ? AND resolved_at IS NULL")
                .params(storeId, sku).update();
    }

    /** Alerts of a store, newest first; {@code open}: only open (true), only resolved (false) or all (null). */
    public PageResponse<LowStockAlertResponse> alerts(UUID storeId, Boolean open, Paging paging) {
        String where = " WHERE store_id = :store" + (open == null ? ""
                : open ? " AND resolved_at IS NULL" : " AND resolved_at IS NOT NULL");
        long total = jdbc.sql("SELECT count(*) FROM low_stock_alert" + where).param("store", storeId)
                .query(Long.class).single();
        List<LowStockAlertResponse> items = jdbc.sql("SELECT id, sku, available, threshold, raised_at, resolved_at"
                        + " FROM low_stock_alert" + where + " ORDER BY raised_at DESC, id LIMIT :limit OFFSET :offset")
                .param("store", storeId).param("limit", paging.size()).param("offset", paging.offset())
                .query((rs, row) -> new LowStockAlertResponse(rs.getObject("id", UUID.class), rs.getString("sku"),
                        rs.getInt("available"), rs.getInt("threshold"), instant(rs, "raised_at"),
                        instant(rs, "resolved_at"), rs.getTimestamp("resolved_at") == null))
                .list();
        return PageResponse.of(items, paging, total);
    }
}
