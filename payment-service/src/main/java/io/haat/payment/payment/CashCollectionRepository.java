package io.haat.payment.payment;

import io.haat.events.Money;
import io.haat.events.orders.CashCollected;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The cash collected per delivery (table {@code cod_collection}), recorded once per delivery id, and the cash of
 * cancelled seller orders waived.
 */
@Repository
class CashCollectionRepository {

    private final JdbcClient jdbc;

    CashCollectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String deliveryId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM cod_collection WHERE delivery_id = :id)")
                .param("id", deliveryId).query(Boolean.class).single();
    }

    /** Records a delivery's cash; false if that delivery was recorded before. */
    boolean insert(CashCollected event, UUID paymentId, Instant at) {
        return jdbc.sql("""
                        INSERT INTO cod_collection (delivery_id, payment_id, order_id, seller_order_id, currency,
                                                    amount_minor, collected_at, recorded_at)
                        VALUES (:delivery, :payment, :order, :sellerOrder, :currency, :amount, :collectedAt, :at)
                        ON CONFLICT (delivery_id) DO NOTHING""")
                .param("delivery", event.deliveryId()).param("payment", paymentId).param("order", event.orderId())
                .param("sellerOrder", event.sellerOrderId()).param("currency", event.amount().currency())
                .param("amount", event.amount().amountMinor())
                .param("collectedAt", Timestamp.from(event.collectedAt())).param("at", Timestamp.from(at))
                .update() == 1;
    }

    /** A cancelled seller order's uncollected cash, waived once (false if it was before). */
    boolean waive(UUID paymentId, String orderId, String sellerOrderId, Money amount, Instant at) {
        return jdbc.sql("""
                        INSERT INTO cod_collection (delivery_id, payment_id, order_id, seller_order_id, currency,
                                                    amount_minor, waived, collected_at, recorded_at)
                        VALUES (:delivery, :payment, :order, :sellerOrder, :currency, :amount, true, :at, :at)
                        ON CONFLICT (delivery_id) DO NOTHING""")
                .param("delivery", "cancelled:" + sellerOrderId).param("payment", paymentId).param("order", orderId)
                .param("sellerOrder", sellerOrderId).param("currency", amount.currency())
                .param("amount", amount.amountMinor()).param("at", Timestamp.from(at)).update() == 1;
    }

    /** Cash of the payment settled so far (collected or waived) for one seller order. */
    long settledMinor(UUID paymentId, String sellerOrderId) {
        return jdbc.sql("""
                        SELECT coalesce(sum(amount_minor), 0) FROM cod_collection
                        WHERE payment_id = :payment AND seller_order_id = :sellerOrder""")
                .param("payment", paymentId).param("sellerOrder", sellerOrderId).query(Long.class).single();
    }

    /** The payment's cash so far: collected, and settled (collected or waived). */
    Totals totals(UUID paymentId) {
        return jdbc.sql("""
                        SELECT coalesce(sum(amount_minor) FILTER (WHERE NOT waived), 0) AS collected,
                               coalesce(sum(amount_minor), 0) AS settled
                        FROM cod_collection WHERE payment_id = :payment""")
                .param("payment", paymentId)
                .query((rs, row) -> new Totals(rs.getLong("collected"), rs.getLong("settled"))).single();
    }

    record Totals(long collectedMinor, long settledMinor) {
    }
}
