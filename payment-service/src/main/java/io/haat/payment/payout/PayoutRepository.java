package io.haat.payment.payout;

import io.haat.events.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Payouts in PostgreSQL; at most one open per seller (partial unique index {@code payout_one_open_uk}). */
@Repository
public class PayoutRepository {

    private static final String COLUMNS = """
            id, seller_id, amount_minor, currency, status, reason, reference, requested_at, approved_at, rejected_at,
            paid_at, version
            """;

    private final JdbcClient jdbc;

    public PayoutRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Payout payout) {
        jdbc.sql("INSERT INTO payout (" + COLUMNS + """
                        ) VALUES (:id, :seller, :amount, :currency, :status, :reason, :reference, :requestedAt,
                            :approvedAt, :rejectedAt, :paidAt, :version)""")
                .paramSource(params(payout)).update();
    }

    public boolean hasOpen(String sellerId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM payout WHERE seller_id = :seller AND status IN ('REQUESTED', 'APPROVED'))")
                .param("seller", sellerId).query(Boolean.class).single();
    }

    /** The payout, its row locked until the transaction ends. */
    public Optional<Payout> findForUpdate(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payout WHERE id = :id FOR UPDATE")
                .param("id", id).query(PayoutRepository::map).optional();
    }

    public Optional<Payout> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payout WHERE id = :id").param("id", id)
                .query(PayoutRepository::map).optional();
    }

    /** Stores {@code after} if the row is still as {@code before} was loaded; otherwise optimistic-lock failure. */
    public void save(Payout before, Payout after) {
        int updated = jdbc.sql("""
                        UPDATE payout SET status = :status, reason = :reason, reference = :reference,
                            approved_at = :approvedAt, rejected_at = :rejectedAt, paid_at = :paidAt, version = :version
                        WHERE id = :id AND status = :before AND version = :beforeVersion""")
                .paramSource(params(after).addValue("before", before.status().name())
                        .addValue("beforeVersion", before.version()))
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("payout " + before.id() + " changed concurrently");
        }
    }

    public List<Payout> ofSeller(String sellerId, long offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM payout WHERE seller_id = :seller ORDER BY requested_at DESC, id LIMIT :limit OFFSET :offset""")
                .param("seller", sellerId).param("limit", limit).param("offset", offset)
                .query(PayoutRepository::map).list();
    }

    public long countOfSeller(String sellerId) {
        return jdbc.sql("SELECT count(*) FROM payout WHERE seller_id = :seller").param("seller", sellerId)
                .query(Long.class).single();
    }

    /** Oldest first: the admin's queue. {@code status} null: every payout. */
    public List<Payout> withStatus(PayoutStatus status, long offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM payout WHERE (CAST(:status AS text) IS NULL OR status = :status)
                        ORDER BY requested_at, id LIMIT :limit OFFSET :offset""")
                .param("status", status == null ? null : status.name()).param("limit", limit).param("offset", offset)
                .query(PayoutRepository::map).list();
    }

    public long countWithStatus(PayoutStatus status) {
        return jdbc.sql("SELECT count(*) FROM payout WHERE (CAST(:status AS text) IS NULL OR status = :status)")
                .param("status", status == null ? null : status.name()).query(Long.class).single();
    }

    private static MapSqlParameterSource params(Payout p) {
        return new MapSqlParameterSource()
                .addValue("id", p.id()).addValue("seller", p.sellerId())
                .addValue("amount", p.amount().amountMinor()).addValue("currency", p.amount().currency())
                .addValue("status", p.status().name()).addValue("reason", p.reason())
                .addValue("reference", p.reference()).addValue("requestedAt", ts(p.requestedAt()))
                .addValue("approvedAt", ts(p.approvedAt())).addValue("rejectedAt", ts(p.rejectedAt()))
                .addValue("paidAt", ts(p.paidAt())).addValue("version", p.version());
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static Payout map(ResultSet rs, int row) throws SQLException {
        return new Payout(rs.getObject("id", UUID.class), rs.getString("seller_id"),
                new Money(rs.getLong("amount_minor"), rs.getString("currency").trim()),
                PayoutStatus.valueOf(rs.getString("status")), rs.getString("reason"), rs.getString("reference"),
                instant(rs, "requested_at"), instant(rs, "approved_at"), instant(rs, "rejected_at"),
                instant(rs, "paid_at"), rs.getLong("version"));
    }
}
