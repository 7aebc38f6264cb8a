package io.haat.seller.onboarding;

import io.haat.events.seller.SellerStatusChanged;
import io.haat.platform.domain.IllegalTransition;
import io.haat.platform.domain.Transition;
import java.time.Instant;
import java.util.UUID;

/**
 * A seller: the application a SELLER user submitted and the admins' decisions on it. The status rules live here;
 * every transition returns the seller after it with the {@link SellerStatusChanged} it raised, is a no-op when the
 * seller is already where it was asked to go, or throws {@link IllegalTransition} ({@code illegal-seller-transition}).
 *
 * <pre>
 * from \ action  resubmit  approve   reject    ban              unban
 * PENDING        refused   APPROVED  REJECTED  BANNED           no-op
 * APPROVED       refused   no-op     refused   BANNED           no-op
 * REJECTED       PENDING   refused   no-op     BANNED           no-op
 * BANNED         refused   refused   refused   no-op            status before the ban
 * </pre>
 * Every change raises one {@code SellerStatusChanged}. {@code unban} means "not banned", so a seller that is not
 * banned is already there. A repeated decision with another payload (a second rejection or ban with a new
 * reason) is still "already there": the first decision and its reason stand.
 */
public record Seller(UUID id, String userId, BusinessDetails details, SellerStatus status,
                     SellerStatus statusBeforeBan, String statusReason, Instant submittedAt, Instant decidedAt,
                     String decidedBy, Instant updatedAt, long version) {

    static final String AGGREGATE = "seller";

    /** A first application: PENDING at version 0. */
    public static Transition<Seller> apply(String userId, BusinessDetails details, Instant now) {
        Seller pending = new Seller(UUID.randomUUID(), userId, details, SellerStatus.PENDING, null, null, now, null,
                null, now, 0);
        return Transition.to(pending, pending.statusChanged());
    }

    /** Whether the user may apply again (after a rejection); otherwise their application stands as it is. */
    public boolean mayApplyAgain() {
        return status == SellerStatus.REJECTED;
    }

    /** A rejected seller applies again with corrected details. */
    public Transition<Seller> resubmit(BusinessDetails newDetails, Instant now) {
        require(mayApplyAgain(), "resubmitted");
        return changedTo(new Seller(id, userId, newDetails, SellerStatus.PENDING, null, null, now, null, null, now,
                version + 1));
    }

    public Transition<Seller> approve(String adminId, Instant now) {
        if (status == SellerStatus.APPROVED) {
            return Transition.unchanged(this);
        }
        require(status == SellerStatus.PENDING, "approved");
        return decide(SellerStatus.APPROVED, null, null, adminId, now);
    }

    /** Already rejected: a no-op that keeps the first reason, whatever {@code reason} says. */
    public Transition<Seller> reject(String reason, String adminId, Instant now) {
        if (status == SellerStatus.REJECTED) {
            return Transition.unchanged(this);
        }
        require(status == SellerStatus.PENDING, "rejected");
        return decide(SellerStatus.REJECTED, null, reason, adminId, now);
    }

    /** From any status; already banned: a no-op that keeps the first reason, whatever {@code reason} says. */
    public Transition<Seller> ban(String reason, String adminId, Instant now) {
        if (status == SellerStatus.BANNED) {
            return Transition.unchanged(this);
        }
        return decide(SellerStatus.BANNED, status, reason, adminId, now);
    }

    /** Back to where the seller was before the ban; a seller that is not banned is left as it is. */
    public Transition<Seller> unban(String adminId, Instant now) {
        if (status != SellerStatus.BANNED) {
            return Transition.unchanged(this);
        }
        return decide(statusBeforeBan, null, null, adminId, now);
    }

    public boolean isApproved() {
        return status == SellerStatus.APPROVED;
    }

    private Transition<Seller> decide(SellerStatus to, SellerStatus beforeBan, String reason, String adminId,
                                      Instant now) {
        return changedTo(new Seller(id, userId, details, to, beforeBan, reason, submittedAt, now, adminId, now,
                version + 1));
    }

    private static Transition<Seller> changedTo(Seller next) {
        return Transition.to(next, next.statusChanged());
    }

    private SellerStatusChanged statusChanged() {
        return new SellerStatusChanged(id.toString(), userId, details.businessName(), published(status), statusReason);
    }

    // exhaustive on purpose: a new seller status does not compile until the contract knows it
    private static io.haat.events.seller.SellerStatus published(SellerStatus status) {
        return switch (status) {
            case PENDING -> io.haat.events.seller.SellerStatus.PENDING;
            case APPROVED -> io.haat.events.seller.SellerStatus.APPROVED;
            case REJECTED -> io.haat.events.seller.SellerStatus.REJECTED;
            case BANNED -> io.haat.events.seller.SellerStatus.BANNED;
        };
    }

    private void require(boolean allowed, String action) {
        if (!allowed) {
            throw new IllegalTransition(AGGREGATE, status, action);
        }
    }
}
