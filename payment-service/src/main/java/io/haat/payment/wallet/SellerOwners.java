package io.haat.payment.wallet;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * payment-service's copy of which user owns which seller account (seller-service owns sellers; the copy comes from
 * its {@code seller.seller} events), so a SELLER token finds its wallet without a call.
 */
@Repository
public class SellerOwners {

    private final JdbcClient jdbc;

    public SellerOwners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void remember(String sellerId, String userId, Instant at) {
        jdbc.sql("""
                        INSERT INTO seller_owner (seller_id, user_id, updated_at) VALUES (:seller, :user, :at)
                        ON CONFLICT (seller_id) DO UPDATE SET user_id = excluded.user_id, updated_at = excluded.updated_at""")
                .param("seller", sellerId).param("user", userId).param("at", Timestamp.from(at)).update();
    }

    /** The user who owns a seller account, if payment-service has heard of it. */
    public Optional<String> userOf(String sellerId) {
        return jdbc.sql("SELECT user_id FROM seller_owner WHERE seller_id = :seller")
                .param("seller", sellerId).query(String.class).optional();
    }

    /** The seller account of a user (seller-service gives a user at most one). */
    public Optional<String> sellerOf(String userId) {
        return jdbc.sql("SELECT seller_id FROM seller_owner WHERE user_id = :user ORDER BY updated_at DESC LIMIT 1")
                .param("user", userId).query(String.class).optional();
    }
}
