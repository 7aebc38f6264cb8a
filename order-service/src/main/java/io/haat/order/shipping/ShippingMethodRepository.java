package io.haat.order.shipping;

import io.haat.events.Money;
import io.haat.platform.web.Paging;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code shipping_method} rows of the stores and their {@code shipping_region} rows. */
@Repository
public class ShippingMethodRepository {

    private static final String SELECT = """
            SELECT id, store_id, name, type, currency, flat_rate, base_rate, per_kg_rate, free_over, min_days,
                   max_days, everywhere, active, version, created_at, updated_at
            FROM shipping_method
            """;
    private static final String LISTED = " ORDER BY created_at, id";

    private final JdbcClient jdbc;

    public ShippingMethodRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serializes the changes of one store's methods until the transaction ends (a transaction-scoped advisory
     * lock), so two concurrent creations cannot both pass the per-store limit.
     */
    public void lockStore(String storeId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('shipping_method:' || CAST(? AS text), 0))").param(storeId)
                .query((rs, row) -> 1).list();
    }

    public int countActive(String storeId) {
        return jdbc.sql("SELECT count(*) FROM shipping_method WHERE store_id = ? AND active").param(storeId)
                .query(Integer.class).single();
    }

    public void insert(ShippingMethod method) {
        ShippingTerms terms = method.terms();
        Rates rates = Rates.of(terms.rate());
        jdbc.sql("""
                        INSERT INTO shipping_method (id, store_id, name, type, currency, flat_rate, base_rate,
                            per_kg_rate, free_over, min_days, max_days, everywhere, active, version, created_at,
                            updated_at)
                        VALUES (:id, :store, :name, :type, :currency, :flat, :base, :perKg, :freeOver, :minDays,
                            :maxDays, :everywhere, :active, :version, :at, :at)""")
                .param("id", method.id()).param("store", method.storeId()).params(columns(terms, rates))
                .param("version", method.version()).param("at", Timestamp.from(method.createdAt())).update();
        insertRegions(method);
    }

    /** Stores {@code after} over {@code before}; fails if the row is no longer at {@code before}'s version. */
    public void update(ShippingMethod before, ShippingMethod after) {
        ShippingTerms terms = after.terms();
        int updated = jdbc.sql("""
                        UPDATE shipping_method SET name = :name, type = :type, currency = :currency,
                            flat_rate = :flat, base_rate = :base, per_kg_rate = :perKg, free_over = :freeOver,
                            min_days = :minDays, max_days = :maxDays, everywhere = :everywhere, active = :active,
                            version = :version, updated_at = :at
                        WHERE id = :id AND version = :loaded""")
                .params(columns(terms, Rates.of(terms.rate())))
                .param("version", after.version()).param("at", Timestamp.from(after.updatedAt()))
                .param("id", after.id()).param("loaded", before.version()).update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("shipping method " + after.id() + " changed concurrently");
        }
        if (!before.terms().area().equals(terms.area())) {
            jdbc.sql("DELETE FROM shipping_region WHERE method_id = ?").param(after.id()).update();
            insertRegions(after);
        }
    }

    /** The store's method, locked until the transaction ends. */
    public Optional<ShippingMethod> findForUpdate(String storeId, UUID id) {
        return one(SELECT + " WHERE store_id = ? AND id = ? FOR UPDATE", storeId, id);
    }

    public Optional<ShippingMethod> find(String storeId, UUID id) {
        return one(SELECT + " WHERE store_id = ? AND id = ?", storeId, id);
    }

    /** One page of the store's active methods, oldest first. */
    public List<ShippingMethod> active(String storeId, Paging paging) {
        return withRegions(jdbc.sql(SELECT + " WHERE store_id = ? AND active" + LISTED + " LIMIT ? OFFSET ?")
                .params(storeId, paging.size(), paging.offset()).query((rs, row) -> row(rs)).list());
    }

    /** Every active method of the store in this currency (those a quote in it may use). */
    public List<ShippingMethod> active(String storeId, String currency) {
        return withRegions(jdbc.sql(SELECT + " WHERE store_id = ? AND active AND currency = ?" + LISTED)
                .params(storeId, currency).query((rs, row) -> row(rs)).list());
    }

    private Optional<ShippingMethod> one(String sql, Object... params) {
        return withRegions(jdbc.sql(sql).params(params).query((rs, row) -> row(rs)).list()).stream().findFirst();
    }

    private static Map<String, Object> columns(ShippingTerms terms, Rates rates) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("name", terms.name());
        columns.put("type", terms.rate().type().name());
        columns.put("currency", terms.currency());
        columns.put("flat", rates.flat());
        columns.put("base", rates.base());
        columns.put("perKg", rates.perKg());
        columns.put("freeOver", rates.freeOver());
        columns.put("minDays", terms.minDays());
        columns.put("maxDays", terms.maxDays());
        columns.put("everywhere", terms.area().everywhere());
        columns.put("active", terms.active());
        return columns;
    }

    private void insertRegions(ShippingMethod method) {
        List<ShippingRegion> regions = method.terms().area().regions();
        for (int i = 0; i < regions.size(); i++) {
            jdbc.sql("INSERT INTO shipping_region (method_id, position, country, provinces) VALUES (?, ?, ?, ?)")
                    .params(method.id(), i, regions.get(i).country(),
                            regions.get(i).provinces().toArray(String[]::new))
                    .update();
        }
    }

    /** Fills in the regions of the methods that have some (one query for all of them). */
    private List<ShippingMethod> withRegions(List<Row> rows) {
        List<UUID> regional = rows.stream().filter(row -> !row.everywhere()).map(Row::id).toList();
        Map<UUID, List<ShippingRegion>> regions = new HashMap<>();
        if (!regional.isEmpty()) {
            jdbc.sql("""
                            SELECT method_id, country, provinces FROM shipping_region
                            WHERE method_id IN (:ids) ORDER BY method_id, position""")
                    .param("ids", regional)
                    .query((rs, n) -> Map.entry(rs.getObject("method_id", UUID.class),
                            new ShippingRegion(rs.getString("country"), strings(rs.getArray("provinces")))))
                    .list()
                    .forEach(entry -> regions.computeIfAbsent(entry.getKey(), id -> new ArrayList<>())
                            .add(entry.getValue()));
        }
        return rows.stream().map(row -> row.method(regions.getOrDefault(row.id(), List.of()))).toList();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Row row(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency");
        ShippingType type = ShippingType.valueOf(rs.getString("type"));
        ShippingRate rate = switch (type) {
            case FLAT -> new ShippingRate.Flat(money(rs, "flat_rate", currency));
            case BY_WEIGHT -> new ShippingRate.ByWeight(money(rs, "base_rate", currency),
                    money(rs, "per_kg_rate", currency));
            case FREE_OVER -> new ShippingRate.FreeOver(money(rs, "free_over", currency),
                    money(rs, "flat_rate", currency));
        };
        return new Row(rs.getObject("id", UUID.class), rs.getString("store_id"), rs.getString("name"), rate,
                rs.getInt("min_days"), rs.getInt("max_days"), rs.getBoolean("everywhere"), rs.getBoolean("active"),
                rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static Money money(ResultSet rs, String column, String currency) throws SQLException {
        return new Money(rs.getLong(column), currency);
    }

    /** A method row before its regions are read. */
    private record Row(UUID id, String storeId, String name, ShippingRate rate, int minDays, int maxDays,
                       boolean everywhere, boolean active, long version, Instant createdAt, Instant updatedAt) {

        ShippingMethod method(List<ShippingRegion> regions) {
            ShippingArea area = everywhere ? ShippingArea.anywhere() : ShippingArea.of(regions);
            return new ShippingMethod(id, storeId, new ShippingTerms(name, rate, minDays, maxDays, area, active),
                    version, createdAt, updatedAt);
        }
    }

    /** The rate columns of one rule; those its type does not use are null. */
    private record Rates(Long flat, Long base, Long perKg, Long freeOver) {

        static Rates of(ShippingRate rate) {
            return switch (rate) {
                case ShippingRate.Flat flat -> new Rates(flat.fee().amountMinor(), null, null, null);
                case ShippingRate.ByWeight byWeight -> new Rates(null, byWeight.base().amountMinor(),
                        byWeight.perKg().amountMinor(), null);
                case ShippingRate.FreeOver freeOver -> new Rates(freeOver.fee().amountMinor(), null, null,
                        freeOver.threshold().amountMinor());
            };
        }
    }
}
