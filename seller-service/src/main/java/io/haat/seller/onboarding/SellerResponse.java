package io.haat.seller.onboarding;

import java.time.Instant;
import java.util.UUID;

/** A seller as its owner and admins see it. {@code statusReason} is the rejection or ban reason. */
public record SellerResponse(UUID id, String userId, String businessName, String legalName, String taxId,
                             String contactEmail, String contactPhone, BusinessAddress businessAddress,
                             String payoutReference, SellerStatus status, String statusReason, Instant submittedAt,
                             Instant decidedAt, Instant updatedAt, long version) {

    public static SellerResponse from(Seller s) {
        BusinessDetails d = s.details();
        return new SellerResponse(s.id(), s.userId(), d.businessName(), d.legalName(), d.taxId(), d.contactEmail(),
                d.contactPhone(), d.address(), d.payoutReference(), s.status(), s.statusReason(), s.submittedAt(),
                s.decidedAt(), s.updatedAt(), s.version());
    }
}
