package io.haat.seller.seller;

import java.time.Instant;
import java.util.UUID;

/**
 * A seller: the application a SELLER user submitted and the admins' decisions on it. The status rules
 * live here; every transition returns the seller after it or throws {@link IllegalSellerTransition}.
 */
public record Seller(UUID id, String userId, BusinessDetails details, SellerStatus status,
                     SellerStatus statusBeforeBan, String statusReason, Instant submittedAt, Instant decidedAt,
                     String decidedBy, Instant updatedAt, long version) {

    public static Seller apply(String userId, BusinessDetails details, Instant now) {
        return new Seller(UUID.randomUUID(), userId, details, SellerStatus.PENDING, null, null, now, null, null, now, 0);
    }

    /** A rejected seller may apply again with corrected details. */
    public Seller resubmit(BusinessDetails newDetails, Instant now) {
        require(status == SellerStatus.REJECTED, "resubmitted");
        return new Seller(id, userId, newDetails, SellerStatus.PENDING, null, null, now, null, null, now, version);
    }

    public Seller approve(String adminId, Instant now) {
        require(status == SellerStatus.PENDING, "approved");
        return decide(SellerStatus.APPROVED, null, null, adminId, now);
    }

    public Seller reject(String reason, String adminId, Instant now) {
        require(status == SellerStatus.PENDING, "rejected");
        return decide(SellerStatus.REJECTED, null, reason, adminId, now);
    }

    public Seller ban(String reason, String adminId, Instant now) {
        require(status != SellerStatus.BANNED, "banned");
        return decide(SellerStatus.BANNED, status, reason, adminId, now);
    }

    /** Back to where the seller was before the ban. */
    public Seller unban(String adminId, Instant now) {
        require(status == SellerStatus.BANNED, "unbanned");
        return decide(statusBeforeBan, null, null, adminId, now);
    }

    public boolean isApproved() {
        return status == SellerStatus.APPROVED;
    }

    private Seller decide(SellerStatus to, SellerStatus beforeBan, String reason, String adminId, Instant now) {
        return new Seller(id, userId, details, to, beforeBan, reason, submittedAt, now, adminId, now, version);
    }

    private void require(boolean allowed, String action) {
        if (!allowed) {
            throw new IllegalSellerTransition(status, action);
        }
    }
}
