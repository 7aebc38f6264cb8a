package io.haat.payment.commission;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** payment-service's copy of every commission rule seller-service announced, history included. */
@Repository
public class CommissionRules {

    private final JdbcClient jdbc;

    public CommissionRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps a rule; a rule already known (a redelivery) stays as it was: rules are never edited, only superseded. */
    public boolean remember(CommissionRule rule) {
        return jdbc.sql("""
                        INSERT INTO commission_rule (rule_id, scope, scope_id, category_id, basis_points, minimum_minor,
                            maximum_minor, currency, effective_from)
                        VALUES (:id, :scope, :scopeId, :category, :bps, :min, :max, :currency, :from)
                        ON CONFLICT (rule_id) DO NOTHING""")
                .param("id", rule.ruleId()).param("scope", rule.scope().name()).param("scopeId", rule.scopeId())
                .param("category", rule.categoryId()).param("bps", rule.basisPoints())
                .param("min", rule.minimumMinor()).param("max", rule.maximumMinor())
                .param("currency", rule.currency()).param("from", Timestamp.from(rule.effectiveFrom()))
                .update() == 1;
    }

    /**
     * The category-less rule in force for a store's sale at {@code at}: the store's, else its seller's, else the
     * platform default, each the one with the latest {@code effectiveFrom} not after {@code at} (seller-service's
     * own choice for a sale without a category). Empty when no rule is known.
     */
    public Optional<CommissionRule> inForce(String storeId, String sellerId, Instant at) {
        return jdbc.sql("""
                        SELECT rule_id, scope, scope_id, category_id, basis_points, minimum_minor, maximum_minor,
                            currency, effective_from
                        FROM commission_rule
                        WHERE category_id IS NULL AND effective_from <= :at
                          AND ((scope = 'STORE' AND scope_id = :store) OR (scope = 'SELLER' AND scope_id = :seller)
                               OR scope = 'DEFAULT')
                        ORDER BY CASE scope WHEN 'STORE' THEN 0 WHEN 'SELLER' THEN 1 ELSE 2 END,
                            effective_from DESC, received DESC
                        LIMIT 1""")
                .param("at", Timestamp.from(at)).param("store", storeId).param("seller", sellerId)
                .query(CommissionRules::map).optional();
    }

    private static CommissionRule map(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("currency");
        return new CommissionRule(rs.getString("rule_id"), CommissionRule.Scope.valueOf(rs.getString("scope")),
                rs.getString("scope_id"), rs.getString("category_id"), rs.getInt("basis_points"),
                rs.getObject("minimum_minor", Long.class), rs.getObject("maximum_minor", Long.class),
                currency == null ? null : currency.trim(), rs.getTimestamp("effective_from").toInstant());
    }
}
