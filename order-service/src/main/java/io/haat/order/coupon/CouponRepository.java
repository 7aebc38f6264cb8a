package io.haat.order.coupon;

import io.haat.events.Money;
import io.haat.platform.web.Paging;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Coupons, their uses (in all and per customer), redemptions and the codes applied to carts. Uses are consumed and
 * given back by single conditional statements, backed by the table's CHECK constraints, never read-then-write.
 */
@Repository
public class CouponRepository {

    private static final String COLUMNS = """
            id, store_id, code, type, value, currency, min_subtotal_minor, usage_limit, per_customer_limit, used,
            starts_at, ends_at, active, created_at, updated_at""";

    private final JdbcClient jdbc;

    public CouponRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A store's coupon ({@code storeId} set) or the site-wide one, optionally locked for a change. */
    public Optional<Coupon> find(String storeId, String code, boolean lock) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM coupon WHERE store_id IS NOT DISTINCT FROM ? AND code = ?"
                        + (lock ? " FOR UPDATE" : ""))
                .params(storeId, code).query(CouponRepository::coupon).optional();
    }

    public Optional<Coupon> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM coupon WHERE id = ?").param(id)
                .query(CouponRepository::coupon).optional();
    }

    /** The coupons a code may mean for a cart: those of {@code storeIds} with that code, and the site-wide one. */
    public List<Coupon> withCode(String code, Collection<String> storeIds) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM coupon WHERE code = :code AND (store_id IS NULL OR store_id IN (:stores))
                        ORDER BY store_id NULLS LAST""")
                .param("code", code).param("stores", storeIds.isEmpty() ? List.of("") : storeIds)
                .query(CouponRepository::coupon).list();
    }

    /** A store's coupons, or the site-wide ones ({@code storeId} null), by code. */
    public List<Coupon> page(String storeId, Paging paging) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM coupon WHERE store_id IS NOT DISTINCT FROM ? ORDER BY code LIMIT ? OFFSET ?")
                .params(storeId, paging.size(), paging.offset()).query(CouponRepository::coupon).list();
    }

    public long count(String storeId) {
        return jdbc.sql("SELECT count(*) FROM coupon WHERE store_id IS NOT DISTINCT FROM ?").param(storeId)
                .query(Long.class).single();
    }

    /** Inserts a new coupon; false when its code was taken meanwhile (a concurrent create). */
    public boolean insert(Coupon coupon) {
        return jdbc.sql("INSERT INTO coupon (" + COLUMNS + """
                        ) VALUES (:id, :store, :code, :type, :value, :currency, :min, :limit, :perCustomer, 0,
                            :starts, :ends, :active, :at, :at)
                        ON CONFLICT DO NOTHING""")
                .param("id", coupon.id()).param("store", coupon.storeId()).param("code", coupon.code())
                .param("type", coupon.type().name()).param("value", coupon.value())
                .param("currency", coupon.currency()).param("min", coupon.minSubtotalMinor())
                .param("limit", coupon.usageLimit()).param("perCustomer", coupon.perCustomerLimit())
                .param("starts", ts(coupon.startsAt())).param("ends", ts(coupon.endsAt()))
                .param("active", coupon.active()).param("at", ts(coupon.createdAt())).update() == 1;
    }

    /** Replaces the terms of a coupon (its uses stay). */
    public void replace(Coupon coupon) {
        jdbc.sql("""
                        UPDATE coupon SET type = :type, value = :value, currency = :currency, min_subtotal_minor = :min,
                            usage_limit = :limit, per_customer_limit = :perCustomer, starts_at = :starts,
                            ends_at = :ends, active = :active, updated_at = :at
                        WHERE id = :id""")
                .param("id", coupon.id()).param("type", coupon.type().name()).param("value", coupon.value())
                .param("currency", coupon.currency()).param("min", coupon.minSubtotalMinor())
                .param("limit", coupon.usageLimit()).param("perCustomer", coupon.perCustomerLimit())
                .param("starts", ts(coupon.startsAt())).param("ends", ts(coupon.endsAt()))
                .param("active", coupon.active()).param("at", ts(coupon.updatedAt())).update();
    }

    /** Consumes one use if the coupon is usable at {@code now} and has one left: one conditional UPDATE. */
    public boolean consume(UUID couponId, Instant now) {
        return jdbc.sql("""
                        UPDATE coupon SET used = used + 1
                        WHERE id = :id AND active AND (usage_limit IS NULL OR used < usage_limit)
                          AND (starts_at IS NULL OR starts_at <= :now) AND (ends_at IS NULL OR ends_at > :now)""")
                .param("id", couponId).param("now", ts(now)).update() == 1;
    }

    /**
     * Counts one use by the customer, unless they reached {@code limit} (null: no limit): insert the counter, or
     * raise it conditionally. The row lock of the upsert serialises a customer's concurrent checkouts.
     */
    public boolean consumeForCustomer(UUID couponId, String customerId, Integer limit) {
        return jdbc.sql("""
                        INSERT INTO coupon_customer_use (coupon_id, customer_id, used) VALUES (:id, :customer, 1)
                        ON CONFLICT (coupon_id, customer_id) DO UPDATE SET used = coupon_customer_use.used + 1
                        WHERE CAST(:limit AS integer) IS NULL OR coupon_customer_use.used < CAST(:limit AS integer)""")
                .param("id", couponId).param("customer", customerId).param("limit", limit).update() == 1;
    }

    public int usedBy(UUID couponId, String customerId) {
        return jdbc.sql("SELECT used FROM coupon_customer_use WHERE coupon_id = ? AND customer_id = ?")
                .params(couponId, customerId).query(Integer.class).optional().orElse(0);
    }

    public void recordRedemption(UUID couponId, String orderId, String customerId, Money amount, Instant at) {
        jdbc.sql("""
                        INSERT INTO coupon_redemption (id, coupon_id, order_id, customer_id, amount_minor, currency,
                            state, redeemed_at) VALUES (?, ?, ?, ?, ?, ?, 'CONSUMED', ?)""")
                .params(UUID.randomUUID(), couponId, orderId, customerId, amount.amountMinor(), amount.currency(),
                        ts(at)).update();
    }

    /** A redemption given back: its coupon and customer. */
    public record Returned(UUID couponId, String customerId) {
    }

    /** Marks the order's consumed redemptions RETURNED (conditionally, so only once) and answers those it marked. */
    public List<Returned> markReturned(String orderId, Instant at) {
        return jdbc.sql("""
                        UPDATE coupon_redemption SET state = 'RETURNED', returned_at = ?
                        WHERE order_id = ? AND state = 'CONSUMED' RETURNING coupon_id, customer_id""")
                .params(ts(at), orderId)
                .query((rs, n) -> new Returned(rs.getObject("coupon_id", UUID.class), rs.getString("customer_id")))
                .list();
    }

    public void giveBack(Returned use) {
        jdbc.sql("UPDATE coupon SET used = used - 1 WHERE id = ? AND used > 0").param(use.couponId()).update();
        jdbc.sql("UPDATE coupon_customer_use SET used = used - 1 WHERE coupon_id = ? AND customer_id = ? AND used > 0")
                .params(use.couponId(), use.customerId()).update();
    }

    /** Disables a coupon; false when there is no such coupon. */
    public boolean disable(String storeId, String code, Instant at) {
        return jdbc.sql("""
                        UPDATE coupon SET active = false,
                            updated_at = CASE WHEN active THEN CAST(? AS timestamptz) ELSE updated_at END
                        WHERE store_id IS NOT DISTINCT FROM ? AND code = ?""")
                .params(ts(at), storeId, code).update() == 1;
    }

    // --- codes on carts

    /** The codes applied to a cart, in the order they were applied. */
    public List<String> codesOf(UUID cartId) {
        return jdbc.sql("SELECT code, min(applied_at) AS first FROM cart_coupon WHERE cart_id = ? "
                        + "GROUP BY code ORDER BY first, code")
                .param(cartId).query((rs, n) -> rs.getString("code")).list();
    }

    /** Puts the coupon's code on the cart, replacing the code held for the same scope (store, or site-wide). */
    public void putOnCart(UUID cartId, Coupon coupon, Instant at) {
        jdbc.sql("""
                        INSERT INTO cart_coupon (cart_id, scope, code, coupon_id, applied_at) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (cart_id, scope) DO UPDATE
                        SET code = EXCLUDED.code, coupon_id = EXCLUDED.coupon_id, applied_at = EXCLUDED.applied_at""")
                .params(cartId, coupon.scope(), coupon.code(), coupon.id(), ts(at)).update();
    }

    /** Takes {@code code} (null: every code) off the cart. */
    public void removeFromCart(UUID cartId, String code) {
        jdbc.sql("DELETE FROM cart_coupon WHERE cart_id = ? AND (CAST(? AS text) IS NULL OR code = ?)")
                .params(cartId, code, code).update();
    }

    private static Coupon coupon(ResultSet rs, int row) throws SQLException {
        return new Coupon(rs.getObject("id", UUID.class), rs.getString("store_id"), rs.getString("code"),
                CouponType.valueOf(rs.getString("type")), rs.getLong("value"), rs.getString("currency"),
                rs.getObject("min_subtotal_minor", Long.class), rs.getObject("usage_limit", Integer.class),
                rs.getObject("per_customer_limit", Integer.class), rs.getInt("used"), instant(rs, "starts_at"),
                instant(rs, "ends_at"), rs.getBoolean("active"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
