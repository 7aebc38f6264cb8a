package io.haat.order.store;

import io.haat.events.seller.SellerStatus;
import io.haat.events.seller.SellerStatusChanged;
import io.haat.events.seller.StoreChanged;
import io.haat.events.seller.StoreStatus;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * order-service's copies of seller-service's stores and sellers. Writes are "newer version wins" upserts, so a
 * redelivered, late or reordered event changes nothing.
 */
@Repository
public class StoreCopies {

    private final JdbcClient jdbc;

    public StoreCopies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Applies the store's state if {@code version} is newer than the copy's; true when written. */
    public boolean apply(StoreChanged store, long version, Instant at) {
        return jdbc.sql("""
                        INSERT INTO store_copy (store_id, seller_id, name, status, version, updated_at)
                        VALUES (:id, :seller, :name, :status, :version, :at)
                        ON CONFLICT (store_id) DO UPDATE SET seller_id = excluded.seller_id, name = excluded.name,
                            status = excluded.status, version = excluded.version, updated_at = excluded.updated_at
                        WHERE store_copy.version < excluded.version""")
                .param("id", store.storeId()).param("seller", store.sellerId()).param("name", store.name())
                .param("status", store.status().name()).param("version", version)
                .param("at", Timestamp.from(at)).update() == 1;
    }

    /** Applies the seller's owner and status if {@code version} is newer than the copy's; true when written. */
    public boolean apply(SellerStatusChanged seller, long version, Instant at) {
        return jdbc.sql("""
                        INSERT INTO seller_copy (seller_id, user_id, status, version, updated_at)
                        VALUES (:id, :user, :status, :version, :at)
                        ON CONFLICT (seller_id) DO UPDATE SET user_id = excluded.user_id, status = excluded.status,
                            version = excluded.version, updated_at = excluded.updated_at
                        WHERE seller_copy.version < excluded.version""")
                .param("id", seller.sellerId()).param("user", seller.userId())
                .param("status", seller.status().name()).param("version", version)
                .param("at", Timestamp.from(at)).update() == 1;
    }

    public Optional<StoreInfo> find(String storeId) {
        return jdbc.sql("""
                        SELECT s.store_id, s.seller_id, s.name, s.status, o.user_id, o.status AS seller_status
                        FROM store_copy s LEFT JOIN seller_copy o ON o.seller_id = s.seller_id
                        WHERE s.store_id = :id""")
                .param("id", storeId)
                .query((rs, n) -> new StoreInfo(rs.getString("store_id"), rs.getString("seller_id"),
                        rs.getString("name"), StoreStatus.valueOf(rs.getString("status")), rs.getString("user_id"),
                        rs.getString("seller_status") == null ? null
                                : SellerStatus.valueOf(rs.getString("seller_status"))))
                .optional();
    }
}
