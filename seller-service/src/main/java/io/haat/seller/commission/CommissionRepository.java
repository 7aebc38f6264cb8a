package io.haat.seller.commission;

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

/** Commission rules; rows are only ever added. */
@Repository
public class CommissionRepository {

    private static final String COLUMNS = """
            id, scope, scope_id, category_id, basis_points, minimum_minor, maximum_minor, currency, effective_from,
            created_at, created_by""";

    private final JdbcClient jdbc;

    public CommissionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public CommissionRule insert(CommissionRule rule) {
        String currency = rule.minimumFee() != null ? rule.minimumFee().currency()
                : rule.maximumFee() != null ? rule.maximumFee().currency() : null;
        jdbc.sql("""
                        INSERT INTO commission_rule (id, scope, scope_id, category_id, basis_points, minimum_minor,
                            maximum_minor, currency, effective_from, created_at, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(rule.id(), rule.scope().name(), rule.scopeId(), rule.categoryId(), rule.basisPoints(),
                        rule.minimumFee() == null ? null : rule.minimumFee().amountMinor(),
                        rule.maximumFee() == null ? null : rule.maximumFee().amountMinor(), currency,
                        ts(rule.effectiveFrom()), ts(rule.createdAt()), rule.createdBy())
                .update();
        return rule;
    }

    /** Every rule of a scope, newest effective date first. */
    public List<CommissionRule> ofScope(CommissionScope scope, UUID scopeId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM commission_rule WHERE scope = ? AND scope_id IS NOT DISTINCT FROM ?"
                        + " ORDER BY effective_from DESC, created_at DESC")
                .params(scope.name(), scopeId).query(CommissionRepository::map).list();
    }

    /** The rule applying to a store of a seller, for a category (or none), at a time: most specific first. */
    public Optional<CommissionRule> applicable(UUID storeId, UUID sellerId, String categoryId, Instant at) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM commission_rule"
                        + " WHERE effective_from <= :at"
                        + " AND ((scope = 'STORE' AND scope_id = :store) OR (scope = 'SELLER' AND scope_id = :seller)"
                        + "      OR scope = 'DEFAULT')"
                        + " AND (category_id IS NULL OR category_id = :category)"
                        + " ORDER BY CASE scope WHEN 'STORE' THEN 0 WHEN 'SELLER' THEN 1 ELSE 2 END,"
                        + " category_id IS NULL, effective_from DESC, created_at DESC LIMIT 1")
                .param("at", ts(at)).param("store", storeId).param("seller", sellerId).param("category", categoryId)
                .query(CommissionRepository::map).optional();
    }

    public boolean hasDefault() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM commission_rule WHERE scope = 'DEFAULT')")
                .query(Boolean.class).single();
    }

    /** Serialises default seeding between instances starting together. */
    public void lockDefaults() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('seller-service.commission-default'))").query(rs -> {
        });
    }

    private static CommissionRule map(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("currency");
        long min = rs.getLong("minimum_minor");
        Money minimum = rs.wasNull() ? null : new Money(min, currency);
        long max = rs.getLong("maximum_minor");
        Money maximum = rs.wasNull() ? null : new Money(max, currency);
        return new CommissionRule(rs.getObject("id", UUID.class), CommissionScope.valueOf(rs.getString("scope")),
                rs.getObject("scope_id", UUID.class), rs.getString("category_id"), rs.getInt("basis_points"),
                minimum, maximum, instant(rs, "effective_from"), instant(rs, "created_at"), rs.getString("created_by"));
    }
}
