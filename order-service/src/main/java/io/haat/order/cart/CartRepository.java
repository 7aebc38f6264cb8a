package io.haat.order.cart;

import io.haat.events.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Carts and their lines. A cart is loaded {@code FOR UPDATE} before it changes and saved conditionally on the version
 * it was loaded with; its lines are rewritten whole (at most {@value Cart#MAX_LINES}).
 */
@Repository
public class CartRepository {

    private static final String CART_COLUMNS = "id, customer_id, version, updated_at";

    private final JdbcClient jdbc;

    public CartRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Cart> findByCustomer(UUID customerId) {
        return load("WHERE customer_id = ?", customerId, false);
    }

    /** The customer's cart, locked; made empty on first use (a concurrent first use waits and finds it). */
    public Cart lockOrCreateByCustomer(UUID customerId, UUID newId, Instant at) {
        jdbc.sql("""
                        INSERT INTO cart (id, customer_id, version, created_at, updated_at) VALUES (?, ?, 0, ?, ?)
                        ON CONFLICT (customer_id) DO NOTHING""")
                .params(newId, customerId, Timestamp.from(at), Timestamp.from(at)).update();
        return load("WHERE customer_id = ?", customerId, true).orElseThrow();
    }

    /** The live (not expired) guest cart of a token, optionally locked. */
    public Optional<Cart> findGuest(String tokenHash, Instant now, boolean lock) {
        return jdbc.sql("SELECT " + CART_COLUMNS + " FROM cart WHERE token_hash = ? AND expires_at > ?"
                        + (lock ? " FOR UPDATE" : ""))
                .params(tokenHash, Timestamp.from(now)).query(CartRepository::header).optional()
                .map(this::withLines);
    }

    public Cart createGuest(UUID id, String tokenHash, Instant at, Instant expiresAt) {
        jdbc.sql("""
                        INSERT INTO cart (id, token_hash, version, created_at, updated_at, expires_at)
                        VALUES (?, ?, 0, ?, ?, ?)""")
                .params(id, tokenHash, Timestamp.from(at), Timestamp.from(at), Timestamp.from(expiresAt)).update();
        return Cart.empty(id, null, at);
    }

    /**
     * Stores {@code after} if the row is still at {@code before}'s version; a guest cart's expiry moves to
     * {@code guestExpiresAt} (ignored for a customer's cart).
     */
    public void save(Cart before, Cart after, Instant guestExpiresAt) {
        int updated = jdbc.sql("""
                        UPDATE cart SET version = :next, updated_at = :at,
                            expires_at = CASE WHEN token_hash IS NULL THEN NULL ELSE CAST(:expires AS timestamptz) END
                        WHERE id = :id AND version = :version""")
                .param("next", after.version()).param("at", Timestamp.from(after.updatedAt()))
                .param("expires", Timestamp.from(guestExpiresAt)).param("id", before.id())
                .param("version", before.version()).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("cart " + before.id() + " changed since it was loaded");
        }
        jdbc.sql("DELETE FROM cart_line WHERE cart_id = ?").param(after.id()).update();
        int position = 0;
        for (CartLine line : after.lines()) {
            jdbc.sql("""
                            INSERT INTO cart_line (id, cart_id, position, product_id, sku, quantity, price_when_added,
                                currency_when_added, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(line.id(), after.id(), position++, line.productId(), line.sku(), line.quantity(),
                            line.priceWhenAdded().amountMinor(), line.priceWhenAdded().currency(),
                            Timestamp.from(line.addedAt()))
                    .update();
        }
    }

    public void delete(UUID cartId) {
        jdbc.sql("DELETE FROM cart WHERE id = ?").param(cartId).update();
    }

    /**
     * Deletes up to {@code batch} guest carts that expired before {@code now}; SKIP LOCKED leaves a cart being
     * merged or changed right now to a later run, and keeps instances from waiting on each other.
     */
    public int deleteExpiredGuests(Instant now, int batch) {
        return jdbc.sql("""
                        DELETE FROM cart WHERE id IN (
                            SELECT id FROM cart WHERE expires_at <= ? ORDER BY expires_at LIMIT ?
                            FOR UPDATE SKIP LOCKED)""")
                .params(Timestamp.from(now), batch).update();
    }

    private Optional<Cart> load(String where, UUID key, boolean lock) {
        return jdbc.sql("SELECT " + CART_COLUMNS + " FROM cart " + where + (lock ? " FOR UPDATE" : ""))
                .param(key).query(CartRepository::header).optional().map(this::withLines);
    }

    private Cart withLines(Cart header) {
        List<CartLine> lines = jdbc.sql("""
                        SELECT id, product_id, sku, quantity, price_when_added, currency_when_added, added_at
                        FROM cart_line WHERE cart_id = ? ORDER BY position""")
                .param(header.id())
                .query((rs, row) -> new CartLine(rs.getObject("id", UUID.class), rs.getString("product_id"),
                        rs.getString("sku"), rs.getInt("quantity"),
                        new Money(rs.getLong("price_when_added"), rs.getString("currency_when_added").trim()),
                        rs.getTimestamp("added_at").toInstant()))
                .list();
        return new Cart(header.id(), header.customerId(), lines, header.version(), header.updatedAt());
    }

    private static Cart header(ResultSet rs, int row) throws SQLException {
        return new Cart(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class), List.of(),
                rs.getLong("version"), rs.getTimestamp("updated_at").toInstant());
    }
}
