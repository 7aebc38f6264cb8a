package io.haat.order.dispute;

import io.haat.events.Money;
import io.haat.events.orders.DisputeChanged;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Disputes and their messages. A change is one UPDATE conditional on the version it was loaded with. */
@Repository
public class DisputeRepository {

    private static final TypeReference<List<String>> IDS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public DisputeRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts a new dispute; {@link org.springframework.dao.DuplicateKeyException} when one is open already. */
    public void insert(Dispute d) {
        jdbc.sql("""
                        INSERT INTO dispute (id, order_id, return_id, seller_order_id, store_id, seller_id, customer_id,
                            status, reason, outcome, currency, refund, refunded, refund_ids, resolution_note,
                            resolved_by, opened_at, resolved_at, updated_at, version)
                        VALUES (:id, :order, :return, :sellerOrder, :store, :seller, :customer, :status, :reason, NULL,
                            :currency, NULL, 0, '[]'::jsonb, NULL, NULL, :opened, NULL, :opened, :version)""")
                .param("id", d.id()).param("order", d.orderId()).param("return", d.returnId())
                .param("sellerOrder", d.sellerOrderId()).param("store", d.storeId()).param("seller", d.sellerId())
                .param("customer", d.customerId()).param("status", d.status().name()).param("reason", d.reason())
                .param("currency", d.refunded().currency()).param("opened", Timestamp.from(d.openedAt()))
                .param("version", d.version())
                .update();
    }

    public void save(Dispute before, Dispute after) {
        int updated = jdbc.sql("""
                        UPDATE dispute SET status = :status, outcome = :outcome, refund = :refund, refunded = :refunded,
                            refund_ids = CAST(:ids AS jsonb), resolution_note = :note, resolved_by = :by,
                            resolved_at = :resolvedAt, updated_at = :updated, version = :next
                        WHERE id = :id AND version = :version""")
                .param("status", after.status().name())
                .param("outcome", after.outcome() == null ? null : after.outcome().name())
                .param("refund", after.refund() == null ? null : after.refund().amountMinor())
                .param("refunded", after.refunded().amountMinor())
                .param("ids", json.writeValueAsString(after.refundIds())).param("note", after.resolutionNote())
                .param("by", after.resolvedBy())
                .param("resolvedAt", after.resolvedAt() == null ? null : Timestamp.from(after.resolvedAt()))
                .param("updated", Timestamp.from(after.updatedAt())).param("next", after.version())
                .param("id", before.id()).param("version", before.version())
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("dispute " + before.id() + " changed since it was loaded");
        }
    }

    public Optional<Dispute> find(UUID id) {
        return jdbc.sql("SELECT * FROM dispute WHERE id = ?").param(id).query(this::map).optional();
    }

    public Optional<Dispute> lock(UUID id) {
        return jdbc.sql("SELECT * FROM dispute WHERE id = ? FOR UPDATE").param(id).query(this::map).optional();
    }

    public boolean anyOpen(UUID sellerOrderId) {
        return jdbc.sql("SELECT count(*) FROM dispute WHERE seller_order_id = ? AND status = 'OPEN'")
                .param(sellerOrderId).query(Long.class).single() > 0;
    }

    public PageResponse<Dispute> list(Dispute.Status status, Paging paging) {
        String filter = status == null ? "" : " WHERE status = :status";
        List<Dispute> items = jdbc.sql("SELECT * FROM dispute" + filter
                        + " ORDER BY opened_at DESC, id LIMIT :limit OFFSET :offset")
                .param("status", status == null ? null : status.name()).param("limit", paging.size())
                .param("offset", paging.offset()).query(this::map).list();
        long total = jdbc.sql("SELECT count(*) FROM dispute" + filter)
                .param("status", status == null ? null : status.name()).query(Long.class).single();
        return PageResponse.of(items, paging, total);
    }

    public void insertMessage(UUID disputeId, DisputeMessage message) {
        jdbc.sql("""
                        INSERT INTO dispute_message (id, dispute_id, author_id, author_role, body, at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(message.id(), disputeId, message.authorId(), message.authorRole(), message.body(),
                        Timestamp.from(message.at()))
                .update();
    }

    public List<DisputeMessage> messages(UUID disputeId) {
        return jdbc.sql("SELECT * FROM dispute_message WHERE dispute_id = ? ORDER BY at, id").param(disputeId)
                .query((rs, n) -> new DisputeMessage(rs.getObject("id", UUID.class), rs.getString("author_id"),
                        rs.getString("author_role"), rs.getString("body"), rs.getTimestamp("at").toInstant()))
                .list();
    }

    private Dispute map(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("currency").trim();
        long refund = rs.getLong("refund");
        boolean noRefund = rs.wasNull();
        String outcome = rs.getString("outcome");
        Timestamp resolvedAt = rs.getTimestamp("resolved_at");
        return new Dispute(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                rs.getObject("return_id", UUID.class), rs.getObject("seller_order_id", UUID.class),
                rs.getString("store_id"), rs.getString("seller_id"), rs.getObject("customer_id", UUID.class),
                Dispute.Status.valueOf(rs.getString("status")), rs.getString("reason"),
                outcome == null ? null : DisputeChanged.Outcome.valueOf(outcome),
                noRefund ? null : new Money(refund, currency), new Money(rs.getLong("refunded"), currency),
                json.readValue(rs.getString("refund_ids"), IDS), rs.getString("resolution_note"),
                rs.getString("resolved_by"), rs.getTimestamp("opened_at").toInstant(),
                resolvedAt == null ? null : resolvedAt.toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
    }
}
