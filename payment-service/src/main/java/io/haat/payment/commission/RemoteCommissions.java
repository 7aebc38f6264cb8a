package io.haat.payment.commission;

import io.haat.events.Money;
import io.haat.platform.feign.ServiceTokens;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** seller-service's {@code applicable} look-up, its answer read as a {@link CommissionRule}; any failure throws. */
@Component
public class RemoteCommissions {

    private final SellerCommissionClient client;
    private final ServiceTokens tokens;

    public RemoteCommissions(SellerCommissionClient client, ServiceTokens tokens) {
        this.client = client;
        this.tokens = tokens;
    }

    /** The rule seller-service applies to a sale of {@code storeId} at {@code at}. */
    public CommissionRule applicable(String storeId, Instant at) {
        SellerCommissionClient.AppliedCommission applied;
        try {
            applied = client.applicable(tokens.authorization().orElse(null), storeId, at.toString());
        } catch (RuntimeException e) {
            // unreachable, refused, unknown store, no rule at all: none of them tells the rate
            throw new CommissionUnknownException("no commission rule known for store " + storeId + " at " + at
                    + " and seller-service's look-up failed: " + e.getMessage(), e);
        }
        try {
            SellerCommissionClient.Rule rule = applied.rule();
            Money bound = rule.minimumFee() != null ? rule.minimumFee() : rule.maximumFee();
            return new CommissionRule(rule.id(), CommissionRule.Scope.valueOf(rule.scope()), rule.scopeId(),
                    rule.categoryId(), rule.basisPoints(),
                    rule.minimumFee() == null ? null : rule.minimumFee().amountMinor(),
                    rule.maximumFee() == null ? null : rule.maximumFee().amountMinor(),
                    bound == null ? null : bound.currency(), rule.effectiveFrom());
        } catch (RuntimeException e) {
            throw new CommissionUnknownException("seller-service answered an unusable commission rule for store "
                    + storeId + ": " + e.getMessage(), e);
        }
    }
}
