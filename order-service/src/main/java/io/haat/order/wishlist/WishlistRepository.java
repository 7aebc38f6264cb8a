package io.haat.order.wishlist;

import io.haat.platform.web.Paging;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Wishlist entries, one per customer and product. */
@Repository
public class WishlistRepository {

    private final JdbcClient jdbc;

    public WishlistRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the entry unless the product is already there (the first entry stands); true if added. */
    public boolean addIfAbsent(WishlistItem item) {
        return jdbc.sql("""
                        INSERT INTO wishlist_item (customer_id, product_id, sku, added_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (customer_id, product_id) DO NOTHING""")
                .params(item.customerId(), item.productId(), item.sku(), Timestamp.from(item.addedAt()))
                .update() > 0;
    }

    public Optional<WishlistItem> find(UUID customerId, String productId) {
        return jdbc.sql("SELECT customer_id, product_id, sku, added_at FROM wishlist_item"
                        + " WHERE customer_id = ? AND product_id = ?")
                .params(customerId, productId).query(WishlistRepository::map).optional();
    }

    public long count(UUID customerId) {
        return jdbc.sql("SELECT count(*) FROM wishlist_item WHERE customer_id = ?").param(customerId)
                .query(Long.class).single();
    }

    /** Newest first. */
    public List<WishlistItem> page(UUID customerId, Paging paging) {
        return jdbc.sql("""
                        SELECT customer_id, product_id, sku, added_at FROM wishlist_item WHERE customer_id = ?
                        ORDER BY added_at DESC, product_id LIMIT ? OFFSET ?""")
                .params(customerId, paging.size(), paging.offset()).query(WishlistRepository::map).list();
    }

    public boolean remove(UUID customerId, String productId) {
        return jdbc.sql("DELETE FROM wishlist_item WHERE customer_id = ? AND product_id = ?")
                .params(customerId, productId).update() > 0;
    }

    private static WishlistItem map(ResultSet rs, int row) throws SQLException {
        return new WishlistItem(rs.getObject("customer_id", UUID.class), rs.getString("product_id"),
                rs.getString("sku"), rs.getTimestamp("added_at").toInstant());
    }
}
