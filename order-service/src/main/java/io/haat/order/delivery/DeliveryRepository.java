package io.haat.order.delivery;

import io.haat.events.Money;
import io.haat.events.orders.DeliveryStatus;
import io.haat.order.pricing.DeliveryAddress;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deliveries. One is inserted when its seller order ships (at most one per seller order: a retried shipment finds
 * it); afterwards one UPDATE conditional on the status and version it was loaded with (locked {@code FOR UPDATE}).
 */
@Repository
public class DeliveryRepository {

    private static final TypeReference<List<Delivery.Step>> STEPS = new TypeReference<>() { };
    static final String OPEN = "('ASSIGNED', 'PICKED_UP', 'OUT_FOR_DELIVERY', 'FAILED')";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public DeliveryRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts a new delivery; false when its seller order has one already. */
    public boolean insert(Delivery delivery) {
        DeliveryAddress to = delivery.dropOff();
        return jdbc.sql("""
                        INSERT INTO delivery (id, order_id, seller_order_id, store_id, customer_id, agent_id, status,
                            carrier, tracking_number, tracking_url, currency, cash_due, drop_off, region_country,
                            region_province, estimated_from, estimated_to, attempts, steps, version, created_at,
                            updated_at)
                        VALUES (:id, :order, :part, :store, :customer, :agent, :status, :carrier, :tracking, :url,
                            :currency, :cash, CAST(:dropOff AS jsonb), :country, :province, :from, :to, :attempts,
                            CAST(:steps AS jsonb), :version, :created, :created)
                        ON CONFLICT (seller_order_id) DO NOTHING""")
                .param("id", delivery.id()).param("order", delivery.orderId())
                .param("part", delivery.sellerOrderId()).param("store", delivery.storeId())
                .param("customer", delivery.customerId()).param("agent", delivery.agentId())
                .param("status", delivery.status().name()).param("carrier", delivery.carrier())
                .param("tracking", delivery.trackingNumber()).param("url", delivery.trackingUrl())
                .param("currency", delivery.cashDue().currency()).param("cash", delivery.cashDue().amountMinor())
                .param("dropOff", json.writeValueAsString(to))
                .param("country", upper(to.country())).param("province", upper(to.province()))
                .param("from", Date.valueOf(delivery.estimatedFrom()))
                .param("to", Date.valueOf(delivery.estimatedTo()))
                .param("attempts", delivery.attempts()).param("steps", json.writeValueAsString(delivery.steps()))
                .param("version", delivery.version()).param("created", Timestamp.from(delivery.createdAt()))
                .update() == 1;
    }

    public Optional<Delivery> find(UUID id) {
        return jdbc.sql("SELECT * FROM delivery WHERE id = ?").param(id).query((rs, n) -> delivery(rs)).optional();
    }

    /** The delivery, its row locked until the transaction ends. */
    public Optional<Delivery> lock(UUID id) {
        return jdbc.sql("SELECT * FROM delivery WHERE id = ? FOR UPDATE").param(id).query((rs, n) -> delivery(rs))
                .optional();
    }

    public Optional<Delivery> ofSellerOrder(UUID sellerOrderId) {
        return jdbc.sql("SELECT * FROM delivery WHERE seller_order_id = ?").param(sellerOrderId)
                .query((rs, n) -> delivery(rs)).optional();
    }

    public Optional<Delivery> lockOfSellerOrder(UUID sellerOrderId) {
        return jdbc.sql("SELECT * FROM delivery WHERE seller_order_id = ? FOR UPDATE").param(sellerOrderId)
                .query((rs, n) -> delivery(rs)).optional();
    }

    /** The deliveries of these seller orders (those that have one). */
    public List<Delivery> ofSellerOrders(Collection<UUID> sellerOrderIds) {
        return jdbc.sql("SELECT * FROM delivery WHERE seller_order_id IN (:ids)").param("ids", sellerOrderIds)
                .query((rs, n) -> delivery(rs)).list();
    }

    /** An agent's deliveries: open ones first (oldest first), then the rest, newest first. */
    public List<Delivery> ofAgent(String agentId, int limit) {
        return jdbc.sql("SELECT * FROM delivery WHERE agent_id = ? ORDER BY CASE WHEN status IN " + OPEN
                        + " THEN 0 ELSE 1 END, CASE WHEN status IN " + OPEN
                        + " THEN created_at END ASC, updated_at DESC LIMIT ?")
                .params(agentId, limit).query((rs, n) -> delivery(rs)).list();
    }

    /** Stores {@code after} if the row is still at {@code before}'s status and version. */
    public void save(Delivery before, Delivery after) {
        int updated = jdbc.sql("""
                        UPDATE delivery SET agent_id = :agent, status = :status, estimated_from = :from,
                            estimated_to = :to, attempts = :attempts, steps = CAST(:steps AS jsonb), version = :next,
                            updated_at = :at
                        WHERE id = :id AND version = :version AND status = :before""")
                .param("agent", after.agentId()).param("status", after.status().name())
                .param("from", Date.valueOf(after.estimatedFrom())).param("to", Date.valueOf(after.estimatedTo()))
                .param("attempts", after.attempts()).param("steps", json.writeValueAsString(after.steps()))
                .param("next", after.version()).param("at", Timestamp.from(after.steps().getLast().at()))
                .param("id", before.id()).param("version", before.version())
                .param("before", before.status().name())
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("delivery " + before.id() + " changed since it was loaded");
        }
    }

    private Delivery delivery(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency").trim();
        return new Delivery(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                rs.getObject("seller_order_id", UUID.class), rs.getString("store_id"),
                rs.getObject("customer_id", UUID.class), rs.getString("agent_id"),
                DeliveryStatus.valueOf(rs.getString("status")), rs.getString("carrier"),
                rs.getString("tracking_number"), rs.getString("tracking_url"),
                new Money(rs.getLong("cash_due"), currency),
                json.readValue(rs.getString("drop_off"), DeliveryAddress.class),
                rs.getDate("estimated_from").toLocalDate(), rs.getDate("estimated_to").toLocalDate(),
                rs.getInt("attempts"), json.readValue(rs.getString("steps"), STEPS), rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant());
    }

    static String upper(String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
    }
}
