package io.haat.order.delivery;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The registry of delivery agents (Keycloak users with DELIVERY_AGENT; id = JWT subject): the regions each serves,
 * whether they take deliveries, and their load (open deliveries, counted, never stored).
 */
@Repository
public class DeliveryAgents {

    /** An agent as the registry holds them. */
    public record Agent(String agentId, List<String> regions, boolean active, int openDeliveries,
                        Instant registeredAt) {
    }

    private final JdbcClient jdbc;

    public DeliveryAgents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Registers the agent (no regions, active) unless known; true when new. */
    public boolean register(String agentId, Instant at) {
        return jdbc.sql("""
                        INSERT INTO delivery_agent (agent_id, regions, active, registered_at, updated_at)
                        VALUES (?, '{}', true, ?, ?) ON CONFLICT (agent_id) DO NOTHING""")
                .params(agentId, Timestamp.from(at), Timestamp.from(at)).update() == 1;
    }

    /** Sets an agent's regions and whether they take deliveries (registering them if new). */
    public Agent put(String agentId, List<String> regions, boolean active, Instant at) {
        jdbc.sql("""
                        INSERT INTO delivery_agent (agent_id, regions, active, registered_at, updated_at)
                        VALUES (:id, CAST(:regions AS text[]), :active, :at, :at)
                        ON CONFLICT (agent_id) DO UPDATE SET regions = EXCLUDED.regions, active = EXCLUDED.active,
                            updated_at = EXCLUDED.updated_at""")
                .param("id", agentId).param("regions", "{" + String.join(",", regions.stream()
                        .map(r -> "\"" + r + "\"").toList()) + "}")
                .param("active", active).param("at", Timestamp.from(at)).update();
        return find(agentId).orElseThrow();
    }

    public Optional<Agent> find(String agentId) {
        return jdbc.sql(SELECT + " WHERE a.agent_id = ?").param(agentId).query((rs, n) -> agent(rs)).optional();
    }

    public List<Agent> all(int limit, int offset) {
        return jdbc.sql(SELECT + " ORDER BY a.registered_at, a.agent_id LIMIT ? OFFSET ?").params(limit, offset)
                .query((rs, n) -> agent(rs)).list();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM delivery_agent").query(Long.class).single();
    }

    /**
     * The least-loaded active agent serving the country (or that province of it), locked for this transaction. Agents
     * another transaction is assigning right now are skipped (SKIP LOCKED), so concurrent shipments spread over the
     * agents; only when every candidate is busy does it wait for one.
     */
    public Optional<String> lockLeastLoaded(String country, String province) {
        Optional<String> free = leastLoaded(country, province, " SKIP LOCKED");
        return free.isPresent() ? free : leastLoaded(country, province, "");
    }

    private Optional<String> leastLoaded(String country, String province, String skip) {
        if (country == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT a.agent_id FROM delivery_agent a
                        WHERE a.active AND (:country = ANY (a.regions) OR :region = ANY (a.regions))
                        ORDER BY (SELECT count(*) FROM delivery d WHERE d.agent_id = a.agent_id
                            AND d.status IN\s""" + DeliveryRepository.OPEN + "), a.registered_at, a.agent_id"
                        + " LIMIT 1 FOR UPDATE OF a" + skip)
                .param("country", country).param("region", province == null ? country : country + "/" + province)
                .query(String.class).optional();
    }

    private static final String SELECT = """
            SELECT a.*, (SELECT count(*) FROM delivery d WHERE d.agent_id = a.agent_id AND d.status IN\s"""
            + DeliveryRepository.OPEN + ") AS open_deliveries FROM delivery_agent a";

    private static Agent agent(ResultSet rs) throws SQLException {
        Array regions = rs.getArray("regions");
        return new Agent(rs.getString("agent_id"), Arrays.asList((String[]) regions.getArray()),
                rs.getBoolean("active"), rs.getInt("open_deliveries"), rs.getTimestamp("registered_at").toInstant());
    }
}
