package io.haat.seller.commission;

import io.haat.events.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * A commission rate in basis points for a scope (and optionally one category), in force from
 * {@code effectiveFrom} until a later rule of the same scope and category; optionally bounded per
 * order line by a minimum and a maximum fee.
 */
public record CommissionRule(UUID id, CommissionScope scope, UUID scopeId, String categoryId, int basisPoints,
                             Money minimumFee, Money maximumFee, Instant effectiveFrom, Instant createdAt,
                             String createdBy) {

    /** The fee on one order line of {@code amount}: the rate, then the bounds (in the bounds' currency). */
    public Money feeOn(Money amount) {
        Money fee = amount.basisPoints(basisPoints);
        if (minimumFee != null && minimumFee.currency().equals(amount.currency())
                && fee.amountMinor() < minimumFee.amountMinor()) {
            fee = minimumFee;
        }
        if (maximumFee != null && maximumFee.currency().equals(amount.currency())
                && fee.amountMinor() > maximumFee.amountMinor()) {
            fee = maximumFee;
        }
        return fee;
    }
}
