package io.haat.seller.inventory;

import static io.haat.seller.support.SqlTime.instant;

import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stock rows. Every stock change is ONE conditional UPDATE ... RETURNING: the condition (enough
 * available, enough reserved) is re-checked by PostgreSQL on the latest row version after any wait
 * for a concurrent writer, so concurrent changes can never oversell; the row CHECKs back this up.
 * The returned {@code lowStock} flag is the value before the change (this statement does not touch it).
 */
@Repository
public class InventoryRepository {

    /**
     * Whether a listed product of the store carries the SKU ({@link CatalogCopy}), read with the row rather than
     * stored in it: a row created before its product's event arrives is flagged until the event comes, and no
     * concurrent write of the copy can leave a stale flag behind.
     */
    static final String IN_CATALOG = "EXISTS (SELECT 1 FROM catalog_sku c WHERE c.store_id = inventory_item.store_id"
            + " AND c.sku = inventory_item.sku) AS in_catalog";

    static final String COLUMNS = "store_id, sku, quantity, reserved, low_stock_threshold, low_stock, version, updated_at, "
            + IN_CATALOG;

    private final JdbcClient jdbc;

    public InventoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<InventoryItem> find(UUID storeId, String sku) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM inventory_item WHERE store_id = ? AND sku = ?")
                .params(storeId, sku).query(InventoryRepository::map).optional();
    }

    public Optional<InventoryItem> lock(UUID storeId, String sku) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM inventory_item WHERE store_id = ? AND sku = ? FOR UPDATE")
                .params(storeId, sku).query(InventoryRepository::map).optional();
    }

    /**
     * How many stock rows the store has, with the store's row locked until the transaction ends, so two concurrent
     * first uses of a SKU cannot both pass a limit.
     */
    public int countOfStoreLocked(UUID storeId) {
        jdbc.sql("SELECT id FROM store WHERE id = ? FOR UPDATE").param(storeId).query(UUID.class).optional();
        return jdbc.sql("SELECT count(*) FROM inventory_item WHERE store_id = ?").param(storeId)
                .query(Integer.class).single();
    }

    /**
     * Creates an empty item unless it exists (a concurrent creator wins; the caller then locks it). It
     * starts flagged low: being created empty is not a crossing of the threshold.
     */
    public void createIfAbsent(UUID storeId, String sku, int threshold) {
        jdbc.sql("""
                        INSERT INTO inventory_item (store_id, sku, quantity, reserved, low_stock_threshold, low_stock)
                        VALUES (?, ?, 0, 0, ?, true) ON CONFLICT (store_id, sku) DO NOTHING""")
                .params(storeId, sku, threshold).update();
    }

    /** Seller's change of a locked item: new quantity and threshold. */
    public InventoryItem write(UUID storeId, String sku, int quantity, int threshold) {
        return jdbc.sql("""
                        UPDATE inventory_item SET quantity = ?, low_stock_threshold = ?, version = version + 1,
                            updated_at = now()
                        WHERE store_id = ? AND sku = ? RETURNING\s""" + COLUMNS)
                .params(quantity, threshold, storeId, sku).query(InventoryRepository::map).single();
    }

    /** Reserves {@code units} if that many are available; empty if not (or if the SKU is unknown). */
    public Optional<InventoryItem> tryReserve(UUID storeId, String sku, int units) {
        return jdbc.sql("""
                        UPDATE inventory_item SET reserved = reserved + :units, version = version + 1, updated_at = now()
                        WHERE store_id = :store AND sku = :sku AND quantity - reserved >= :units
                        RETURNING\s""" + COLUMNS)
                .param("units", units).param("store", storeId).param("sku", sku)
                .query(InventoryRepository::map).optional();
    }

    /** Gives reserved units back to available stock. */
    public InventoryItem release(UUID storeId, String sku, int units) {
        return change("reserved = reserved - :units", "reserved >= :units", storeId, sku, units);
    }

    /** Reserved units leave the store: quantity and reserved both go down. */
    public InventoryItem commit(UUID storeId, String sku, int units) {
        return change("quantity = quantity - :units, reserved = reserved - :units", "reserved >= :units",
                storeId, sku, units);
    }

    /** Committed units that never left (order cancelled before shipment) go back on the shelf. */
    public InventoryItem restock(UUID storeId, String sku, int units) {
        return change("quantity = quantity + :units", "true", storeId, sku, units);
    }

    private InventoryItem change(String set, String condition, UUID storeId, String sku, int units) {
        return jdbc.sql("UPDATE inventory_item SET " + set + ", version = version + 1, updated_at = now()"
                        + " WHERE store_id = :store AND sku = :sku AND " + condition + " RETURNING " + COLUMNS)
                .param("units", units).param("store", storeId).param("sku", sku)
                .query(InventoryRepository::map).optional()
                .orElseThrow(() -> new IllegalStateException(
                        "stock of " + storeId + "/" + sku + " does not allow: " + set + " with " + units));
    }

    public void setLowStockFlag(UUID storeId, String sku, boolean low) {
        jdbc.sql("UPDATE inventory_item SET low_stock = ? WHERE store_id = ? AND sku = ?")
                .params(low, storeId, sku).update();
    }

    public PageResponse<InventoryItem> page(UUID storeId, Boolean lowOnly, String skuPrefix, Paging paging) {
        String where = " WHERE store_id = :store"
                + (Boolean.TRUE.equals(lowOnly) ? " AND quantity - reserved <= low_stock_threshold" : "")
                + (skuPrefix == null ? "" : " AND sku LIKE :prefix ESCAPE '\\'");
        String prefix = skuPrefix == null ? null
                : skuPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        long total = jdbc.sql("SELECT count(*) FROM inventory_item" + where)
                .param("store", storeId).param("prefix", prefix).query(Long.class).single();
        List<InventoryItem> items = jdbc.sql("SELECT " + COLUMNS + " FROM inventory_item" + where
                        + " ORDER BY sku LIMIT :limit OFFSET :offset")
                .param("store", storeId).param("prefix", prefix)
                .param("limit", paging.size()).param("offset", paging.offset())
                .query(InventoryRepository::map).list();
        return PageResponse.of(items, paging, total);
    }

    static InventoryItem map(ResultSet rs, int row) throws SQLException {
        return new InventoryItem(rs.getObject("store_id", UUID.class), rs.getString("sku"), rs.getInt("quantity"),
                rs.getInt("reserved"), rs.getInt("low_stock_threshold"), rs.getBoolean("low_stock"),
                rs.getLong("version"), instant(rs, "updated_at"), rs.getBoolean("in_catalog"));
    }
}
