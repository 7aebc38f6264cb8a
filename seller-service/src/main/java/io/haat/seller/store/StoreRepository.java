package io.haat.seller.store;

import static io.haat.seller.support.SqlTime.instant;
import static io.haat.seller.support.SqlTime.ts;

import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import java.sql.ResultSet;
import java.sql.SQLException;
import io.haat.events.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores in PostgreSQL; updates check the version read (optimistic locking). */
@Repository
public class StoreRepository {

    private static final String COLUMNS = "id, seller_id, name, slug, description, status, created_at, updated_at, version";

    private final JdbcClient jdbc;

    public StoreRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * How many stores the seller has that are not closed, with the seller's row locked until the transaction ends,
     * so two concurrent openings cannot both pass a limit.
     */
    public int countOpenOfSellerLocked(UUID sellerId) {
        jdbc.sql("SELECT id FROM seller WHERE id = ? FOR UPDATE").param(sellerId).query(UUID.class).optional();
        return jdbc.sql("SELECT count(*) FROM store WHERE seller_id = ? AND status <> 'CLOSED'").param(sellerId)
                .query(Integer.class).single();
    }

    public Store insert(Store store) {
        jdbc.sql("""
                        INSERT INTO store (id, seller_id, name, slug, description, status, created_at, updated_at, version)
                        VALUES (:id, :sellerId, :name, :slug, :description, :status, :createdAt, :updatedAt, 0)""")
                .param("id", store.id()).param("sellerId", store.sellerId()).param("name", store.name())
                .param("slug", store.slug()).param("description", store.description())
                .param("status", store.status().name()).param("createdAt", ts(store.createdAt()))
                .param("updatedAt", ts(store.updatedAt()))
                .update();
        return store;
    }

    /**
     * Writes {@code after} (a transition of {@code before}, its version one higher) if the row still has the
     * version {@code before} was loaded with; otherwise {@link OptimisticLockingFailureException}.
     */
    public void save(Store before, Store after) {
        int updated = jdbc.sql("""
                        UPDATE store SET name = :name, slug = :slug, description = :description, status = :status,
                            updated_at = :updatedAt, version = :version, closed_at = :closedAt
                        WHERE id = :id AND version = :loadedVersion""")
                .param("name", after.name()).param("slug", after.slug()).param("description", after.description())
                .param("status", after.status().name()).param("updatedAt", ts(after.updatedAt()))
                .param("closedAt", after.status() == StoreStatus.CLOSED ? ts(after.updatedAt()) : null)
                .param("version", after.version())
                .param("id", before.id()).param("loadedVersion", before.version())
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("store " + before.id() + " changed concurrently");
        }
    }

    public Optional<Store> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM store WHERE id = ?").param(id).query(StoreRepository::map).optional();
    }

    /**
     * Reads and locks the store FOR UPDATE: this waits for reservations in flight on the store (they
     * hold FOR KEY SHARE locks on it) and keeps new ones out until the transaction ends.
     */
    public Optional<Store> lockById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM store WHERE id = ? FOR UPDATE").param(id)
                .query(StoreRepository::map).optional();
    }

    public Optional<Store> findActiveBySlug(String slug) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM store WHERE slug = ? AND status = 'ACTIVE'").param(slug)
                .query(StoreRepository::map).optional();
    }

    /** Locks every store of a seller, in id order (the order reservations lock stores in). */
    public List<Store> lockAllOfSeller(UUID sellerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM store WHERE seller_id = ? ORDER BY id FOR UPDATE").param(sellerId)
                .query(StoreRepository::map).list();
    }

    public PageResponse<Store> pageOfSeller(UUID sellerId, Paging paging) {
        long total = jdbc.sql("SELECT count(*) FROM store WHERE seller_id = ? AND status <> 'CLOSED'").param(sellerId)
                .query(Long.class).single();
        List<Store> items = jdbc.sql("SELECT " + COLUMNS + " FROM store WHERE seller_id = :sellerId"
                        + " AND status <> 'CLOSED' ORDER BY created_at, id LIMIT :limit OFFSET :offset")
                .param("sellerId", sellerId).param("limit", paging.size()).param("offset", paging.offset())
                .query(StoreRepository::map).list();
        return PageResponse.of(items, paging, total);
    }

    public boolean slugTaken(String slug, UUID exceptStoreId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM store WHERE slug = ? AND status <> 'CLOSED' AND id <> ?)")
                .params(slug, exceptStoreId == null ? new UUID(0, 0) : exceptStoreId)
                .query(Boolean.class).single();
    }

    /**
     * Whether the store has orders still in progress (per seller-service's copy of order events) or
     * stock reserved for orders not yet confirmed.
     */
    public boolean hasOpenOrders(UUID storeId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM store_order WHERE store_id = :id
                                           AND status NOT IN ('CANCELLED', 'COMPLETED', 'REFUNDED', 'EXPIRED'))
                            OR EXISTS (SELECT 1 FROM stock_reservation_line WHERE store_id = :id AND state = 'RESERVED')""")
                .param("id", storeId).query(Boolean.class).single();
    }

    /** Why an admin suspended the store; empty when it is not suspended by an admin. */
    public Optional<String> suspensionReason(UUID storeId) {
        return jdbc.sql("SELECT suspension_reason FROM store WHERE id = ?").param(storeId)
                .query((rs, row) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(r -> r);
    }

    public void setSuspensionReason(UUID storeId, String reason) {
        jdbc.sql("UPDATE store SET suspension_reason = ? WHERE id = ?").params(reason, storeId).update();
    }

    /**
     * Stores filtered by status, seller and a name or slug fragment (case-insensitive), oldest first, each with its
     * SKU count and its sales since {@code salesSince}.
     */
    public PageResponse<AdminStoreView> adminPage(StoreStatus status, UUID sellerId, String query, Instant salesSince,
                                                  Paging paging) {
        StringBuilder where = new StringBuilder(" WHERE true");
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.append(" AND s.status = :status");
            params.put("status", status.name());
        }
        if (sellerId != null) {
            where.append(" AND s.seller_id = :sellerId");
            params.put("sellerId", sellerId);
        }
        if (query != null) {
            where.append(" AND (s.name ILIKE :pattern ESCAPE '\\' OR s.slug ILIKE :pattern ESCAPE '\\')");
            params.put("pattern", "%" + query.replaceAll("([\\\\%_])", "\\\\$1") + "%");
        }
        long total = jdbc.sql("SELECT count(*) FROM store s" + where).params(params).query(Long.class).single();
        List<AdminStoreView> items = jdbc.sql(ADMIN_SELECT + where + " ORDER BY s.created_at, s.id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", paging.size()).param("offset", paging.offset())
                .query(StoreRepository::mapAdmin).list();
        return PageResponse.of(withSales(items, salesSince), paging, total);
    }

    public Optional<AdminStoreView> adminView(UUID storeId, Instant salesSince) {
        return jdbc.sql(ADMIN_SELECT + " WHERE s.id = :id").param("id", storeId).query(StoreRepository::mapAdmin)
                .optional().map(view -> withSales(List.of(view), salesSince).getFirst());
    }

    private static final String ADMIN_SELECT = """
            SELECT s.id, s.seller_id, s.name, s.slug, s.status, s.suspension_reason, s.created_at, s.updated_at,
                s.version, (SELECT count(*) FROM inventory_item i WHERE i.store_id = s.id) AS sku_count
            FROM store s""";

    // the sales of the listed stores in one query over the analytics buckets
    private List<AdminStoreView> withSales(List<AdminStoreView> stores, Instant since) {
        if (stores.isEmpty()) {
            return stores;
        }
        Map<UUID, List<AdminStoreView.Sales>> sales = new HashMap<>();
        jdbc.sql("""
                        SELECT store_id, currency, sum(orders) AS orders, sum(revenue_minor) AS revenue,
                            sum(revenue_minor - cancelled_minor - returned_minor) AS net
                        FROM sales_bucket WHERE store_id IN (:ids) AND bucket_start >= :since
                        GROUP BY store_id, currency ORDER BY currency""")
                .param("ids", stores.stream().map(AdminStoreView::id).toList()).param("since", ts(since))
                .query(rs -> {
                    String currency = rs.getString("currency").trim();
                    sales.computeIfAbsent(rs.getObject("store_id", UUID.class), k -> new ArrayList<>())
                            .add(new AdminStoreView.Sales(currency, rs.getLong("orders"),
                                    new Money(rs.getLong("revenue"), currency), new Money(rs.getLong("net"), currency)));
                });
        return stores.stream().map(v -> new AdminStoreView(v.id(), v.sellerId(), v.name(), v.slug(), v.status(),
                v.suspensionReason(), v.createdAt(), v.updatedAt(), v.version(), v.skuCount(),
                List.copyOf(sales.getOrDefault(v.id(), List.of())))).toList();
    }

    private static AdminStoreView mapAdmin(ResultSet rs, int row) throws SQLException {
        return new AdminStoreView(rs.getObject("id", UUID.class), rs.getObject("seller_id", UUID.class),
                rs.getString("name"), rs.getString("slug"), StoreStatus.valueOf(rs.getString("status")),
                rs.getString("suspension_reason"), instant(rs, "created_at"), instant(rs, "updated_at"),
                rs.getLong("version"), rs.getLong("sku_count"), List.of());
    }

    private static Store map(ResultSet rs, int row) throws SQLException {
        return new Store(rs.getObject("id", UUID.class), rs.getObject("seller_id", UUID.class), rs.getString("name"),
                rs.getString("slug"), rs.getString("description"), StoreStatus.valueOf(rs.getString("status")),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getLong("version"));
    }
}
