package io.haat.events.seller;

import io.haat.events.DomainEvent;
import java.time.Instant;

/** A commission rule was set: scope DEFAULT, SELLER or STORE, optionally per category, in basis points. */
public record CommissionChanged(String ruleId, String scope, String scopeId, String categoryId, int basisPoints,
                                Long minimumMinor, Long maximumMinor, String currency, Instant effectiveFrom)
        implements DomainEvent {
    @Override
    public String aggregateId() {
        return ruleId;
    }
}
