package io.haat.order.returns;

import io.haat.events.Money;
import io.haat.events.orders.RefundRequested;
import io.haat.events.payment.PaymentRefunded;
import io.haat.events.payment.SellerOrderRefund;
import io.haat.order.order.Order;
import io.haat.order.order.RefundFollowUp;
import java.sql.Timestamp;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What each seller order may still give back: its share of the captured money, minus every refund payment-service
 * reported that no request of ours asked for (cancellations, admin refunds…), minus every refund we asked for
 * (returns, disputes; counted in full from the moment it is asked, so two requests can never promise the same
 * money). Records every {@link PaymentRefunded} per seller order as a {@link RefundFollowUp}.
 */
@Component
public class RefundLedger implements RefundFollowUp {

    private final JdbcClient jdbc;

    public RefundLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void refunded(PaymentRefunded event) {
        for (SellerOrderRefund part : event.sellerOrders()) {
            jdbc.sql("""
                            INSERT INTO seller_order_refund (refund_id, seller_order_id, request_id, amount)
                            VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(event.refundId(), UUID.fromString(part.sellerOrderId()), event.requestId(),
                            part.amount().amountMinor())
                    .update();
        }
    }

    /** Remembers a request published in the same transaction, so its money counts as given back from now on. */
    public void promise(RefundRequested request) {
        for (SellerOrderRefund part : request.sellerOrders()) {
            jdbc.sql("""
                            INSERT INTO refund_request (request_id, seller_order_id, order_id, amount, requested_at)
                            VALUES (?, ?, ?, ?, ?)""")
                    .params(request.requestId(), UUID.fromString(part.sellerOrderId()),
                            UUID.fromString(request.orderId()), part.amount().amountMinor(),
                            Timestamp.from(request.at()))
                    .update();
        }
    }

    /**
     * Captured for the seller order and neither refunded nor asked back yet (never below zero). The caller holds the
     * order's row lock, which serializes requests on one order.
     */
    public Money available(Order order, UUID sellerOrderId) {
        long captured = order.capturedShare(sellerOrderId).amountMinor();
        long refundedElsewhere = jdbc.sql("""
                        SELECT coalesce(sum(amount), 0) FROM seller_order_refund
                        WHERE seller_order_id = ? AND (request_id IS NULL OR request_id NOT IN
                            (SELECT request_id FROM refund_request WHERE seller_order_id = ?))""")
                .params(sellerOrderId, sellerOrderId).query(Long.class).single();
        long promised = jdbc.sql("SELECT coalesce(sum(amount), 0) FROM refund_request WHERE seller_order_id = ?")
                .param(sellerOrderId).query(Long.class).single();
        return new Money(Math.max(0, captured - refundedElsewhere - promised), order.total().currency());
    }
}
