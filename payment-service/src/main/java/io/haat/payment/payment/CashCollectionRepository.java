package io.haat.payment.payment;

import io.haat.events.orders.CashCollected;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The cash collected per delivery (table {@code cod_collection}), recorded once per delivery id. */
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

    /** Cash of the payment collected so far: for one seller order, or for all of them ({@code sellerOrderId} null). */
    long collectedMinor(UUID paymentId, String sellerOrderId) {
        return jdbc.sql("""
                        SELECT coalesce(sum(amount_minor), 0) FROM cod_collection
                        WHERE payment_id = :payment AND (CAST(:sellerOrder AS text) IS NULL OR seller_order_id = :sellerOrder)""")
                .param("payment", paymentId).param("sellerOrder", sellerOrderId).query(Long.class).single();
    }
}
