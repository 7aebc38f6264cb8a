package io.haat.order.dispute;

import io.haat.order.order.AfterSales;
import io.haat.order.returns.ReturnPolicies;
import io.haat.order.returns.ReturnRepository;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * After-sales as fulfilment asks for it: the store's return window (its policy, or the default) and whether an open
 * return or an open dispute holds a delivered seller order back from completing. Here rather than in {@code returns}
 * because it needs both features (disputes already depend on returns).
 */
@Component
public class AfterSalesRules implements AfterSales {

    private final ReturnPolicies policies;
    private final ReturnRepository returns;
    private final DisputeRepository disputes;

    public AfterSalesRules(ReturnPolicies policies, ReturnRepository returns, DisputeRepository disputes) {
        this.policies = policies;
        this.returns = returns;
        this.disputes = disputes;
    }

    @Override
    public Duration returnWindow(String storeId) {
        return policies.of(storeId).window();
    }

    @Override
    public boolean holdsCompletion(UUID sellerOrderId) {
        return returns.anyOpen(sellerOrderId) || disputes.anyOpen(sellerOrderId);
    }
}
