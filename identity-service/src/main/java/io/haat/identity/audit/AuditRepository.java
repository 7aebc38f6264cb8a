package io.haat.identity.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.haat.events.audit.AuditRecorded;
import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code audit_entry}: append-only (the table refuses updates and deletes); one row per audit id. */
@Repository
public class AuditRepository {

    /** Filters of the audit trail; null = any. Time range is [from, to). */
    public record Query(String actorId, String action, String resourceType, String resourceId, Instant from, Instant to,
                        Paging paging) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores the record unless its id is already there (a redelivery, or identity's own record coming back). */
    public boolean append(AuditRecorded record) {
        return jdbc.sql("""
                        INSERT INTO audit_entry (id, actor_id, actor_role, action, resource_type, resource_id,
                                                 before_summary, after_summary, ip, request_id, occurred_at)
                        VALUES (:id, :actorId, :actorRole, :action, :resourceType, :resourceId, :before, :after, :ip,
                                :requestId, :occurredAt)
                        ON CONFLICT (id) DO NOTHING""")
                .param("id", UUID.fromString(record.auditId()))
                .param("actorId", truncate(record.actorId(), 100))
                .param("actorRole", truncate(record.actorRole(), 40))
                .param("action", truncate(record.action(), 100))
                .param("resourceType", truncate(record.resourceType(), 60))
                .param("resourceId", truncate(record.resourceId(), 200))
                .param("before", record.before())
                .param("after", record.after())
                .param("ip", truncate(record.ip(), 64))
                .param("requestId", truncate(record.requestId(), 128))
                .param("occurredAt", Timestamp.from(record.at() != null ? record.at() : clock.instant()))
                .update() > 0;
    }

    public PageResponse<AuditRecorded> search(Query query) {
        StringBuilder where = new StringBuilder(" WHERE true");
        Map<String, Object> params = new LinkedHashMap<>();
        condition(where, params, "actor_id", "actorId", query.actorId());
        condition(where, params, "action", "action", query.action());
        condition(where, params, "resource_type", "resourceType", query.resourceType());
        condition(where, params, "resource_id", "resourceId", query.resourceId());
        if (query.from() != null) {
            where.append(" AND occurred_at >= :from");
            params.put("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.append(" AND occurred_at < :to");
            params.put("to", Timestamp.from(query.to()));
        }
        long total = jdbc.sql("SELECT count(*) FROM audit_entry" + where).params(params).query(Long.class).single();
        List<AuditRecorded> items = jdbc.sql("""
                        SELECT id, actor_id, actor_role, action, resource_type, resource_id, before_summary,
                               after_summary, ip, request_id, occurred_at
                        FROM audit_entry""" + where + " ORDER BY occurred_at DESC, id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", query.paging().size()).param("offset", query.paging().offset())
                .query(AuditRepository::map).list();
        return PageResponse.of(items, query.paging(), total);
    }

    private static void condition(StringBuilder where, Map<String, Object> params, String column, String name,
                                  String value) {
        if (value != null && !value.isBlank()) {
            where.append(" AND ").append(column).append(" = :").append(name);
            params.put(name, value.strip());
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static AuditRecorded map(ResultSet rs, int row) throws SQLException {
        return new AuditRecorded(rs.getObject("id", UUID.class).toString(), rs.getString("actor_id"),
                rs.getString("actor_role"), rs.getString("action"), rs.getString("resource_type"),
                rs.getString("resource_id"), rs.getString("before_summary"), rs.getString("after_summary"),
                rs.getString("ip"), rs.getString("request_id"), rs.getTimestamp("occurred_at").toInstant());
    }
}
