package io.haat.order.returns;

import io.haat.platform.audit.OutboxAuditTrail;
import io.haat.platform.security.Actor;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The stores' return policies; a store that set none has the configured defaults. */
@Component
public class ReturnPolicies {

    private final JdbcClient jdbc;
    private final ReturnProperties properties;
    private final OutboxAuditTrail audit;

    public ReturnPolicies(JdbcClient jdbc, ReturnProperties properties, OutboxAuditTrail audit) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.audit = audit;
    }

    public ReturnPolicy of(String storeId) {
        return stored(storeId).orElseGet(() -> new ReturnPolicy(storeId, properties.windowDays(),
                properties.shippingRefund(), false));
    }

    /** Sets the store's policy (audited when it changes); the policy after. */
    @Transactional
    public ReturnPolicy set(String storeId, int windowDays, ShippingRefund shippingRefund, Actor actor, Instant at) {
        ReturnPolicy before = of(storeId);
        jdbc.sql("""
                        INSERT INTO store_return_policy (store_id, window_days, shipping_refund, updated_at)
                        VALUES (?, ?, ?, ?) ON CONFLICT (store_id) DO UPDATE SET window_days = excluded.window_days,
                            shipping_refund = excluded.shipping_refund, updated_at = excluded.updated_at""")
                .params(storeId, windowDays, shippingRefund.name(), Timestamp.from(at)).update();
        ReturnPolicy after = of(storeId);
        if (!before.equals(after)) {
            audit.record(actor, "store.return-policy.set", "store", storeId, before, after);
        }
        return after;
    }

    private Optional<ReturnPolicy> stored(String storeId) {
        return jdbc.sql("SELECT window_days, shipping_refund FROM store_return_policy WHERE store_id = ?")
                .param(storeId)
                .query((rs, n) -> new ReturnPolicy(storeId, rs.getInt("window_days"),
                        ShippingRefund.valueOf(rs.getString("shipping_refund")), true))
                .optional();
    }
}
