package io.haat.seller.store;

import static io.haat.seller.support.SqlTime.instant;
import static io.haat.seller.support.SqlTime.ts;

import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
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

    private static Store map(ResultSet rs, int row) throws SQLException {
        return new Store(rs.getObject("id", UUID.class), rs.getObject("seller_id", UUID.class), rs.getString("name"),
                rs.getString("slug"), rs.getString("description"), StoreStatus.valueOf(rs.getString("status")),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getLong("version"));
    }
}
