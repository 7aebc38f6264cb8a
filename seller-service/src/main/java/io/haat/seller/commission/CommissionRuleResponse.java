package io.haat.seller.commission;

import io.haat.events.Money;
import java.time.Instant;
import java.util.UUID;

/** One commission rule. */
public record CommissionRuleResponse(UUID id, CommissionScope scope, UUID scopeId, String categoryId, int basisPoints,
                                     Money minimumFee, Money maximumFee, Instant effectiveFrom, Instant createdAt,
                                     String createdBy) {

    public static CommissionRuleResponse from(CommissionRule r) {
        return new CommissionRuleResponse(r.id(), r.scope(), r.scopeId(), r.categoryId(), r.basisPoints(),
                r.minimumFee(), r.maximumFee(), r.effectiveFrom(), r.createdAt(), r.createdBy());
    }
}
