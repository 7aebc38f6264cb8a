package io.haat.seller.onboarding;

import static io.haat.seller.support.SqlTime.instant;
import static io.haat.seller.support.SqlTime.ts;

import io.haat.platform.web.PageResponse;
import io.haat.platform.web.Paging;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sellers in PostgreSQL; updates check the version read (optimistic locking). */
@Repository
public class SellerRepository {

    private static final String COLUMNS = """
            id, user_id, business_name, legal_name, tax_id, contact_email, contact_phone, address_line1,
            address_line2, city, region, postal_code, country, payout_reference, status, status_before_ban,
            status_reason, submitted_at, decided_at, decided_by, updated_at, version""";

    private final JdbcClient jdbc;

    public SellerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Seller insert(Seller seller) {
        BusinessDetails d = seller.details();
        BusinessAddress a = d.address();
        jdbc.sql("""
                        INSERT INTO seller (id, user_id, business_name, legal_name, tax_id, contact_email, contact_phone,
                            address_line1, address_line2, city, region, postal_code, country, payout_reference, status,
                            submitted_at, created_at, updated_at, version)
                        VALUES (:id, :userId, :businessName, :legalName, :taxId, :email, :phone, :line1, :line2, :city,
                            :region, :postalCode, :country, :payout, :status, :submittedAt, :now, :now, 0)""")
                .param("id", seller.id()).param("userId", seller.userId())
                .param("businessName", d.businessName()).param("legalName", d.legalName()).param("taxId", d.taxId())
                .param("email", d.contactEmail()).param("phone", d.contactPhone())
                .param("line1", a.line1()).param("line2", a.line2()).param("city", a.city()).param("region", a.region())
                .param("postalCode", a.postalCode()).param("country", a.country())
                .param("payout", d.payoutReference()).param("status", seller.status().name())
                .param("submittedAt", ts(seller.submittedAt())).param("now", ts(seller.updatedAt()))
                .update();
        return seller;
    }

    /**
     * Writes {@code after} (a transition of {@code before}, its version one higher) if the row still has the
     * version {@code before} was loaded with; otherwise {@link OptimisticLockingFailureException}.
     */
    public void save(Seller before, Seller after) {
        BusinessDetails d = after.details();
        BusinessAddress a = d.address();
        int updated = jdbc.sql("""
                        UPDATE seller SET business_name = :businessName, legal_name = :legalName, tax_id = :taxId,
                            contact_email = :email, contact_phone = :phone, address_line1 = :line1, address_line2 = :line2,
                            city = :city, region = :region, postal_code = :postalCode, country = :country,
                            payout_reference = :payout, status = :status, status_before_ban = :beforeBan,
                            status_reason = :reason, submitted_at = :submittedAt, decided_at = :decidedAt,
                            decided_by = :decidedBy, updated_at = :updatedAt, version = :version
                        WHERE id = :id AND version = :loadedVersion""")
                .param("businessName", d.businessName()).param("legalName", d.legalName()).param("taxId", d.taxId())
                .param("email", d.contactEmail()).param("phone", d.contactPhone())
                .param("line1", a.line1()).param("line2", a.line2()).param("city", a.city()).param("region", a.region())
                .param("postalCode", a.postalCode()).param("country", a.country())
                .param("payout", d.payoutReference()).param("status", after.status().name())
                .param("beforeBan", after.statusBeforeBan() == null ? null : after.statusBeforeBan().name())
                .param("reason", after.statusReason()).param("submittedAt", ts(after.submittedAt()))
                .param("decidedAt", ts(after.decidedAt())).param("decidedBy", after.decidedBy())
                .param("updatedAt", ts(after.updatedAt())).param("version", after.version())
                .param("id", before.id()).param("loadedVersion", before.version())
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("seller " + before.id() + " changed concurrently");
        }
    }

    public Optional<Seller> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM seller WHERE id = ?").param(id).query(SellerRepository::map).optional();
    }

    /** Reads and row-locks the seller until the end of the transaction (decisions on one seller queue up). */
    public Optional<Seller> lockById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM seller WHERE id = ? FOR UPDATE").param(id)
                .query(SellerRepository::map).optional();
    }

    public Optional<Seller> findByUserId(String userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM seller WHERE user_id = ?").param(userId)
                .query(SellerRepository::map).optional();
    }

    public Optional<Seller> lockByUserId(String userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM seller WHERE user_id = ? FOR UPDATE").param(userId)
                .query(SellerRepository::map).optional();
    }

    public PageResponse<Seller> page(SellerStatus status, Paging paging) {
        String where = status == null ? "" : " WHERE status = :status";
        String statusName = status == null ? null : status.name();
        long total = jdbc.sql("SELECT count(*) FROM seller" + where).param("status", statusName)
                .query(Long.class).single();
        List<Seller> items = jdbc.sql("SELECT " + COLUMNS + " FROM seller" + where
                        + " ORDER BY submitted_at, id LIMIT :limit OFFSET :offset")
                .param("status", statusName).param("limit", paging.size()).param("offset", paging.offset())
                .query(SellerRepository::map).list();
        return PageResponse.of(items, paging, total);
    }

    private static Seller map(ResultSet rs, int row) throws SQLException {
        BusinessAddress address = new BusinessAddress(rs.getString("address_line1"), rs.getString("address_line2"),
                rs.getString("city"), rs.getString("region"), rs.getString("postal_code"), rs.getString("country"));
        BusinessDetails details = new BusinessDetails(rs.getString("business_name"), rs.getString("legal_name"),
                rs.getString("tax_id"), rs.getString("contact_email"), rs.getString("contact_phone"), address,
                rs.getString("payout_reference"));
        String beforeBan = rs.getString("status_before_ban");
        return new Seller(rs.getObject("id", UUID.class), rs.getString("user_id"), details,
                SellerStatus.valueOf(rs.getString("status")), beforeBan == null ? null : SellerStatus.valueOf(beforeBan),
                rs.getString("status_reason"), instant(rs, "submitted_at"), instant(rs, "decided_at"),
                rs.getString("decided_by"), instant(rs, "updated_at"), rs.getLong("version"));
    }
}
