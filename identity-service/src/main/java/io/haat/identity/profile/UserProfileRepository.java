package io.haat.identity.profile;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores {@link UserProfile}s in {@code user_profile}; updates check the version (optimistic locking). */
@Repository
public class UserProfileRepository {

    private static final String COLUMNS = """
            id, email, full_name, phone, phone_verified, email_verified, avatar_url, locale, roles, status, origin,
            ban_reason, banned_by, banned_at, created_at, updated_at, version""";

    /** Filters of the admin user list; null = any. {@code text} matches email or name, case-insensitively. */
    public record Query(Role role, UserStatus status, String text, Paging paging) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public UserProfileRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void insert(UserProfile profile) {
        jdbc.sql("""
                        INSERT INTO user_profile (id, email, full_name, phone, phone_verified, email_verified,
                            avatar_url, locale, roles, status, origin, ban_reason, banned_by, banned_at, created_at,
                            updated_at, version)
                        VALUES (:id, :email, :fullName, :phone, :phoneVerified, :emailVerified, :avatarUrl, :locale,
                            string_to_array(:roles, ','), :status, :origin, :banReason, :bannedBy, :bannedAt,
                            :createdAt, :updatedAt, 0)""")
                .params(parameters(profile))
                .update();
    }

    /** Writes the changes; fails with {@link OptimisticLockingFailureException} if someone else wrote first. */
    public UserProfile update(UserProfile profile) {
        profile.touch(clock.instant());
        int updated = jdbc.sql("""
                        UPDATE user_profile SET email = :email, full_name = :fullName, phone = :phone,
                            phone_verified = :phoneVerified, email_verified = :emailVerified, avatar_url = :avatarUrl,
                            locale = :locale, roles = string_to_array(:roles, ','), status = :status,
                            ban_reason = :banReason,
                            banned_by = :bannedBy, banned_at = :bannedAt, updated_at = :updatedAt, version = version + 1
                        WHERE id = :id AND version = :version""")
                .params(parameters(profile))
                .param("version", profile.version())
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("user_profile " + profile.id() + " changed concurrently");
        }
        return findById(profile.id()).orElseThrow();
    }

    public Optional<UserProfile> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM user_profile WHERE id = :id")
                .param("id", id).query(UserProfileRepository::map).optional();
    }

    /** Reads the profile and locks its row until the transaction ends (serializes a user's address changes, bans). */
    public Optional<UserProfile> lockById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM user_profile WHERE id = :id FOR UPDATE")
                .param("id", id).query(UserProfileRepository::map).optional();
    }

    public Optional<UserProfile> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM user_profile WHERE lower(email) = lower(:email)")
                .param("email", email).query(UserProfileRepository::map).optional();
    }

    public boolean existsByEmail(String email) {
        return jdbc.sql("SELECT count(*) FROM user_profile WHERE lower(email) = lower(:email)")
                .param("email", email).query(Long.class).single() > 0;
    }

    public long countActive(Role role) {
        return jdbc.sql("SELECT count(*) FROM user_profile WHERE status = 'ACTIVE' AND :role = ANY (roles)")
                .param("role", role.name()).query(Long.class).single();
    }

    public PageResponse<UserProfile> search(Query query) {
        StringBuilder where = new StringBuilder(" WHERE true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (query.role() != null) {
            where.append(" AND :role = ANY (roles)");
            params.put("role", query.role().name());
        }
        if (query.status() != null) {
            where.append(" AND status = :status");
            params.put("status", query.status().name());
        }
        if (query.text() != null && !query.text().isBlank()) {
            where.append(" AND (lower(email) LIKE :text ESCAPE '\\' OR lower(full_name) LIKE :text ESCAPE '\\')");
            params.put("text", "%" + escapeLike(query.text().strip().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        long total = jdbc.sql("SELECT count(*) FROM user_profile" + where).params(params).query(Long.class).single();
        List<UserProfile> items = jdbc.sql("SELECT " + COLUMNS + " FROM user_profile" + where
                        + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", query.paging().size())
                .param("offset", query.paging().offset())
                .query(UserProfileRepository::map).list();
        return PageResponse.of(items, query.paging(), total);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Map<String, Object> parameters(UserProfile profile) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("id", profile.id());
        params.put("email", profile.email());
        params.put("fullName", profile.fullName());
        params.put("phone", profile.phone());
        params.put("phoneVerified", profile.phoneVerified());
        params.put("emailVerified", profile.emailVerified());
        params.put("avatarUrl", profile.avatarUrl());
        params.put("locale", profile.locale());
        // role names are [A-Z_]: a comma-joined list, split by PostgreSQL (no driver array binding needed)
        params.put("roles", String.join(",", profile.roles()));
        params.put("status", profile.status().name());
        params.put("origin", profile.origin().name());
        params.put("banReason", profile.banReason());
        params.put("bannedBy", profile.bannedBy());
        params.put("bannedAt", timestamp(profile.bannedAt()));
        params.put("createdAt", timestamp(profile.createdAt()));
        params.put("updatedAt", timestamp(profile.updatedAt()));
        return params;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static UserProfile map(ResultSet rs, int row) throws SQLException {
        Array roles = rs.getArray("roles");
        List<String> roleNames = new ArrayList<>(List.of((String[]) roles.getArray()));
        return new UserProfile(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("full_name"),
                rs.getString("phone"), rs.getBoolean("phone_verified"), rs.getBoolean("email_verified"),
                rs.getString("avatar_url"), rs.getString("locale"), Set.copyOf(roleNames),
                UserStatus.valueOf(rs.getString("status")), Origin.valueOf(rs.getString("origin")),
                rs.getString("ban_reason"), rs.getObject("banned_by", UUID.class), instant(rs, "banned_at"),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getLong("version"));
    }
}
