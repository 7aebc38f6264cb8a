package io.haat.seller.orders;

import static io.haat.seller.support.SqlTime.instant;
import static io.haat.seller.support.SqlTime.ts;

import io.haat.events.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Store orders and their lines. */
@Repository
public class SellerOrderCopyRepository {

    private static final String COLUMNS = """
            order_id, store_id, seller_order_id, status, amount_minor, currency, units, confirmed_at, cancelled_at,
            delivered_at, returned_minor, refunded_minor""";

    private final JdbcClient jdbc;

    public SellerOrderCopyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean insert(String orderId, UUID storeId, String sellerOrderId, String customerId, Money amount, int units,
                          Instant placedAt) {
        return jdbc.sql("""
                        INSERT INTO store_order (order_id, store_id, seller_order_id, customer_id, status, amount_minor,
                            currency, units, placed_at)
                        VALUES (?, ?, ?, ?, 'RESERVED', ?, ?, ?, ?) ON CONFLICT (order_id, store_id) DO NOTHING""")
                .params(orderId, storeId, sellerOrderId, customerId, amount.amountMinor(), amount.currency(), units,
                        ts(placedAt))
                .update() == 1;
    }

    public void insertLine(String orderId, UUID storeId, String sku, String productId, int quantity, long unitPrice) {
        jdbc.sql("""
                        INSERT INTO store_order_line (order_id, store_id, sku, product_id, quantity, unit_price_minor)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(orderId, storeId, sku, productId, quantity, unitPrice).update();
    }

    /** The order's store parts, locked, in store order. */
    public List<SellerOrderCopy> lockOfOrder(String orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM store_order WHERE order_id = ? ORDER BY store_id FOR UPDATE")
                .param(orderId).query(SellerOrderCopyRepository::map).list();
    }

    public Optional<SellerOrderCopy> lock(String orderId, UUID storeId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM store_order WHERE order_id = ? AND store_id = ? FOR UPDATE")
                .params(orderId, storeId).query(SellerOrderCopyRepository::map).optional();
    }

    /** Units per product in the store's part of the order. */
    public List<ProductUnits> productUnits(String orderId, UUID storeId) {
        return jdbc.sql("""
                        SELECT coalesce(product_id, sku) AS product, sum(quantity) AS units FROM store_order_line
                        WHERE order_id = ? AND store_id = ? GROUP BY 1""")
                .params(orderId, storeId)
                .query((rs, row) -> new ProductUnits(rs.getString("product"), rs.getInt("units"))).list();
    }

    public void update(String orderId, UUID storeId, String status, String sellerOrderId, Instant confirmedAt,
                       Instant cancelledAt, Instant deliveredAt, long returnedMinor) {
        jdbc.sql("""
                        UPDATE store_order SET status = ?, seller_order_id = coalesce(seller_order_id, ?),
                            confirmed_at = ?, cancelled_at = ?, delivered_at = ?, returned_minor = returned_minor + ?,
                            updated_at = now()
                        WHERE order_id = ? AND store_id = ?""")
                .params(status, sellerOrderId, ts(confirmedAt), ts(cancelledAt), ts(deliveredAt), returnedMinor,
                        orderId, storeId)
                .update();
    }

    /** A REFUNDED amount of the store's part (RETURNED amounts go through {@link #update}'s returnedMinor). */
    public void addRefunded(String orderId, UUID storeId, long refundedMinor) {
        jdbc.sql("UPDATE store_order SET refunded_minor = refunded_minor + ?, updated_at = now() WHERE order_id = ? AND store_id = ?")
                .params(refundedMinor, orderId, storeId).update();
    }

    /** Units of one product in an order. */
    public record ProductUnits(String productId, int units) {
    }

    private static SellerOrderCopy map(ResultSet rs, int row) throws SQLException {
        return new SellerOrderCopy(rs.getString("order_id"), rs.getObject("store_id", UUID.class),
                rs.getString("seller_order_id"), rs.getString("status"),
                new Money(rs.getLong("amount_minor"), rs.getString("currency")), rs.getInt("units"),
                instant(rs, "confirmed_at"), instant(rs, "cancelled_at"), instant(rs, "delivered_at"),
                rs.getLong("returned_minor"), rs.getLong("refunded_minor"));
    }
}
