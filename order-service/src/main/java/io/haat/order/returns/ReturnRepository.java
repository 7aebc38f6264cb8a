package io.haat.order.returns;

import io.haat.events.Money;
import io.haat.events.orders.ReturnStatus;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Return requests and their photos. A change is one UPDATE conditional on the version it was loaded with. */
@Repository
public class ReturnRepository {

    private static final TypeReference<List<ReturnLine>> LINES = new TypeReference<>() { };
    private static final TypeReference<List<String>> IDS = new TypeReference<>() { };

    /** A stored photo. */
    public record Photo(String contentType, byte[] bytes) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public ReturnRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(ReturnRequest r) {
        jdbc.sql("""
                        INSERT INTO return_request (id, order_id, seller_order_id, store_id, seller_id, customer_id,
                            status, reason, comment, lines, currency, shipping, refund, refunded, refund_ids, rejection,
                            approve_by, photos, requested_at, updated_at, version)
                        VALUES (:id, :order, :sellerOrder, :store, :seller, :customer, :status, :reason, :comment,
                            CAST(:lines AS jsonb), :currency, :shipping, :refund, :refunded, CAST(:ids AS jsonb),
                            :rejection, :approveBy, :photos, :requested, :updated, :version)""")
                .param("id", r.id()).param("order", r.orderId()).param("sellerOrder", r.sellerOrderId())
                .param("store", r.storeId()).param("seller", r.sellerId()).param("customer", r.customerId())
                .param("status", r.status().name()).param("reason", r.reason().name()).param("comment", r.comment())
                .param("lines", json.writeValueAsString(r.lines())).param("currency", r.refund().currency())
                .param("shipping", r.shipping().amountMinor()).param("refund", r.refund().amountMinor())
                .param("refunded", r.refunded().amountMinor()).param("ids", json.writeValueAsString(r.refundIds()))
                .param("rejection", r.rejection()).param("approveBy", Timestamp.from(r.approveBy()))
                .param("photos", r.photos()).param("requested", Timestamp.from(r.requestedAt()))
                .param("updated", Timestamp.from(r.updatedAt())).param("version", r.version())
                .update();
    }

    public void insertPhoto(UUID returnId, int position, String contentType, byte[] bytes) {
        jdbc.sql("INSERT INTO return_photo (return_id, position, content_type, bytes) VALUES (?, ?, ?, ?)")
                .params(returnId, position, contentType, bytes).update();
    }

    public Optional<Photo> photo(UUID returnId, int position) {
        return jdbc.sql("SELECT content_type, bytes FROM return_photo WHERE return_id = ? AND position = ?")
                .params(returnId, position)
                .query((rs, n) -> new Photo(rs.getString("content_type"), rs.getBytes("bytes"))).optional();
    }

    /** Stores {@code after} if the row is still at {@code before}'s version. */
    public void save(ReturnRequest before, ReturnRequest after) {
        int updated = jdbc.sql("""
                        UPDATE return_request SET status = :status, refund = :refund, refunded = :refunded,
                            refund_ids = CAST(:ids AS jsonb), rejection = :rejection, updated_at = :updated,
                            version = :next
                        WHERE id = :id AND version = :version""")
                .param("status", after.status().name()).param("refund", after.refund().amountMinor())
                .param("refunded", after.refunded().amountMinor())
                .param("ids", json.writeValueAsString(after.refundIds())).param("rejection", after.rejection())
                .param("updated", Timestamp.from(after.updatedAt())).param("next", after.version())
                .param("id", before.id()).param("version", before.version())
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("return " + before.id() + " changed since it was loaded");
        }
    }

    public Optional<ReturnRequest> find(UUID id) {
        return jdbc.sql("SELECT * FROM return_request WHERE id = ?").param(id).query(this::map).optional();
    }

    /** The return, its row locked until the transaction ends. */
    public Optional<ReturnRequest> lock(UUID id) {
        return jdbc.sql("SELECT * FROM return_request WHERE id = ? FOR UPDATE").param(id).query(this::map).optional();
    }

    /** Units per SKU of the seller order in returns that were not rejected (asked, on their way, or back). */
    public Map<String, Integer> returnedQuantities(UUID sellerOrderId) {
        Map<String, Integer> units = new HashMap<>();
        jdbc.sql("SELECT * FROM return_request WHERE seller_order_id = ? AND status <> 'REJECTED'")
                .param(sellerOrderId).query(this::map).list()
                .forEach(r -> r.lines().forEach(line -> units.merge(line.sku(), line.quantity(), Integer::sum)));
        return units;
    }

    public boolean anyOpen(UUID sellerOrderId) {
        return jdbc.sql("""
                        SELECT count(*) FROM return_request
                        WHERE seller_order_id = ? AND status IN ('REQUESTED', 'APPROVED', 'RECEIVED')""")
                .param(sellerOrderId).query(Long.class).single() > 0;
    }

    public PageResponse<ReturnRequest> ofCustomer(UUID customerId, Paging paging) {
        List<ReturnRequest> items = jdbc.sql("""
                        SELECT * FROM return_request WHERE customer_id = ? ORDER BY requested_at DESC, id
                        LIMIT ? OFFSET ?""")
                .params(customerId, paging.size(), paging.offset()).query(this::map).list();
        long total = jdbc.sql("SELECT count(*) FROM return_request WHERE customer_id = ?").param(customerId)
                .query(Long.class).single();
        return PageResponse.of(items, paging, total);
    }

    public PageResponse<ReturnRequest> ofStore(String storeId, ReturnStatus status, Paging paging) {
        String filter = status == null ? "" : " AND status = :status";
        List<ReturnRequest> items = jdbc.sql("SELECT * FROM return_request WHERE store_id = :store" + filter
                        + " ORDER BY requested_at DESC, id LIMIT :limit OFFSET :offset")
                .param("store", storeId).param("status", status == null ? null : status.name())
                .param("limit", paging.size()).param("offset", paging.offset()).query(this::map).list();
        long total = jdbc.sql("SELECT count(*) FROM return_request WHERE store_id = :store" + filter)
                .param("store", storeId).param("status", status == null ? null : status.name())
                .query(Long.class).single();
        return PageResponse.of(items, paging, total);
    }

    /** Locks up to {@code batch} requests whose approval deadline passed; SKIP LOCKED leaves busy ones to a later run. */
    public List<UUID> lockDue(Instant now, int batch) {
        return jdbc.sql("""
                        SELECT id FROM return_request WHERE status = 'REQUESTED' AND approve_by <= ?
                        ORDER BY approve_by LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(Timestamp.from(now), batch).query((rs, n) -> rs.getObject("id", UUID.class)).list();
    }

    private ReturnRequest map(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("currency").trim();
        return new ReturnRequest(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                rs.getObject("seller_order_id", UUID.class), rs.getString("store_id"), rs.getString("seller_id"),
                rs.getObject("customer_id", UUID.class), ReturnStatus.valueOf(rs.getString("status")),
                ReturnReason.valueOf(rs.getString("reason")), rs.getString("comment"),
                json.readValue(rs.getString("lines"), LINES), new Money(rs.getLong("shipping"), currency),
                new Money(rs.getLong("refund"), currency), rs.getString("rejection"),
                rs.getTimestamp("approve_by").toInstant(), rs.getInt("photos"),
                new Money(rs.getLong("refunded"), currency), json.readValue(rs.getString("refund_ids"), IDS),
                rs.getTimestamp("requested_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
    }
}
