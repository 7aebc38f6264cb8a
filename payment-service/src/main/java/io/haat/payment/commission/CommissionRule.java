package io.haat.payment.commission;

import io.haat.events.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * A commission rule as seller-service announced it: a rate in basis points for the platform default, a seller or a
 * store (optionally one category), in force from {@code effectiveFrom} until a later rule of the same scope and
 * category, optionally bounded by a minimum and a maximum fee in {@code currency}.
 */
public record CommissionRule(String ruleId, Scope scope, String scopeId, String categoryId, int basisPoints,
                             Long minimumMinor, Long maximumMinor, String currency, Instant effectiveFrom) {

    /** What a rule applies to; a store's rule wins over its seller's, which wins over the default. */
    public enum Scope {
        DEFAULT, SELLER, STORE
    }

    public CommissionRule {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        if (basisPoints < 0 || basisPoints > 10_000) {
            throw new IllegalArgumentException("basis points " + basisPoints + " not within 0..10000");
        }
        if ((scope == Scope.DEFAULT) != (scopeId == null)) {
            throw new IllegalArgumentException(scope + " rule " + ruleId + (scopeId == null ? " needs" : " has no")
                    + " scope id");
        }
        if ((minimumMinor != null || maximumMinor != null) && currency == null) {
            throw new IllegalArgumentException("rule " + ruleId + " bounds its fee without a currency");
        }
    }

    /**
     * The fee on {@code base}: the rate rounded half up, then the bounds when they are in the base's currency (as
     * seller-service's own {@code feeOn} does).
     */
    public long feeOn(Money base) {
        long fee = base.basisPoints(basisPoints).amountMinor();
        if (base.currency().equals(currency)) {
            if (minimumMinor != null && fee < minimumMinor) {
                fee = minimumMinor;
            }
            if (maximumMinor != null && fee > maximumMinor) {
                fee = maximumMinor;
            }
        }
        return fee;
    }
}
