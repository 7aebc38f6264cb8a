package io.haat.identity.address;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code address}: loads a user's address book and writes what changed in it. */
@Repository
public class AddressRepository {

    private final JdbcClient jdbc;

    public AddressRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public AddressBook load(UUID userId) {
        List<Address> addresses = jdbc.sql("""
                        SELECT id, user_id, recipient, phone, line1, line2, city, region, postal_code, country,
                               is_default, created_at, updated_at
                        FROM address WHERE user_id = :userId""")
                .param("userId", userId).query(AddressRepository::map).list();
        return new AddressBook(userId, addresses);
    }

    /**
     * Writes the difference between two states of one address book. Defaults are cleared before one is set, so the
     * "one default per user" index never sees two.
     */
    public void saveChanges(AddressBook before, AddressBook after) {
        Map<UUID, Address> old = before.addresses().stream().collect(Collectors.toMap(Address::id, Function.identity()));
        Set<UUID> kept = after.addresses().stream().map(Address::id).collect(Collectors.toSet());
        old.keySet().stream().filter(id -> !kept.contains(id))
                .forEach(id -> jdbc.sql("DELETE FROM address WHERE id = :id").param("id", id).update());
        after.addresses().stream()
                .filter(address -> old.containsKey(address.id()) && !old.get(address.id()).equals(address))
                .sorted(Comparator.comparing(Address::isDefault)) // false first
                .forEach(this::update);
        after.addresses().stream().filter(address -> !old.containsKey(address.id())).forEach(this::insert);
    }

    private void insert(Address address) {
        jdbc.sql("""
                        INSERT INTO address (id, user_id, recipient, phone, line1, line2, city, region, postal_code,
                                             country, is_default, created_at, updated_at)
                        VALUES (:id, :userId, :recipient, :phone, :line1, :line2, :city, :region, :postalCode,
                                :country, :isDefault, :createdAt, :updatedAt)""")
                .params(parameters(address)).update();
    }

    private void update(Address address) {
        jdbc.sql("""
                        UPDATE address SET recipient = :recipient, phone = :phone, line1 = :line1, line2 = :line2,
                            city = :city, region = :region, postal_code = :postalCode, country = :country,
                            is_default = :isDefault, updated_at = :updatedAt
                        WHERE id = :id AND user_id = :userId""")
                .params(parameters(address)).update();
    }

    private static Map<String, Object> parameters(Address address) {
        AddressDetails d = address.details();
        Map<String, Object> params = new HashMap<>();
        params.put("id", address.id());
        params.put("userId", address.userId());
        params.put("recipient", d.recipient());
        params.put("phone", d.phone());
        params.put("line1", d.line1());
        params.put("line2", d.line2());
        params.put("city", d.city());
        params.put("region", d.region());
        params.put("postalCode", d.postalCode());
        params.put("country", d.country());
        params.put("isDefault", address.isDefault());
        params.put("createdAt", Timestamp.from(address.createdAt()));
        params.put("updatedAt", Timestamp.from(address.updatedAt()));
        return params;
    }

    private static Address map(ResultSet rs, int row) throws SQLException {
        return new Address(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                new AddressDetails(rs.getString("recipient"), rs.getString("phone"), rs.getString("line1"),
                        rs.getString("line2"), rs.getString("city"), rs.getString("region"),
                        rs.getString("postal_code"), rs.getString("country").strip()),
                rs.getBoolean("is_default"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
