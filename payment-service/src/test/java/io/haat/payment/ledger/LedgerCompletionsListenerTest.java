package io.haat.payment.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.EventEnvelope;
import io.haat.events.Money;
import io.haat.events.orders.SellerOrderStatus;
import io.haat.events.orders.SellerOrderStatusChanged;
import io.haat.events.orders.SellerOrderTotals;
import io.haat.payment.PaymentIntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Pending → available from {@code orders.order}: COMPLETED moves the earnings once; other statuses move nothing. */
class LedgerCompletionsListenerTest extends PaymentIntegrationTest {

    @Autowired
    private Ledger ledger;
    @Autowired
    private LedgerRepository repository;
    @Autowired
    private CompletionsListener listener;

    private String event(String sellerOrderId, String orderId, SellerOrderStatus status) {
        return envelopes.toJson(EventEnvelope.of(new SellerOrderStatusChanged(sellerOrderId, orderId, "store-1", status,
                new Money(10_000, "NPR"), Instant.parse("2026-03-01T00:00:00Z")), 1));
    }

    private long balance(String seller, AccountKind kind) {
        return repository.sellerBalance(seller, kind, "NPR");
    }

    @Test
    void aCompletedSellerOrderMakesItsEarningsAvailableOnceWhateverIsRedelivered() {
        String seller = UUID.randomUUID().toString();
        String order = UUID.randomUUID().toString();
        String so = "so-" + order;
        ledger.postCapture(UUID.randomUUID().toString(), order, new Money(10_000, "NPR"),
                List.of(SellerOrderTotals.undiscounted(so, "store-1", seller, new Money(10_000, "NPR"))),
                CommissionRates.flat(1_000));

        listener.onOrderEvent(event(so, order, SellerOrderStatus.SHIPPED));
        listener.onOrderEvent(event(so, order, SellerOrderStatus.DELIVERED));
        assertThat(balance(seller, AccountKind.SELLER_PENDING)).isEqualTo(9_000);
        assertThat(balance(seller, AccountKind.SELLER_AVAILABLE)).isZero();

        String completed = event(so, order, SellerOrderStatus.COMPLETED);
        listener.onOrderEvent(completed);
        listener.onOrderEvent(completed);                                         // redelivered
        listener.onOrderEvent(event(so, order, SellerOrderStatus.COMPLETED));     // announced twice
        assertThat(balance(seller, AccountKind.SELLER_PENDING)).isZero();
        assertThat(balance(seller, AccountKind.SELLER_AVAILABLE)).isEqualTo(9_000);
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_transaction WHERE idempotency_key = ?").param("complete:" + so)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM processed_event WHERE consumer_group = 'payment-service.completions' "
                + "AND event_id = ?").param(envelopes.parse(completed).eventId()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aCompletionBeforeItsCaptureMakesTheLaterCaptureAvailableAtOnce() {
        String seller = UUID.randomUUID().toString();
        String order = UUID.randomUUID().toString();
        String so = "so-" + order;
        listener.onOrderEvent(event(so, order, SellerOrderStatus.COMPLETED));

        ledger.postCapture(UUID.randomUUID().toString(), order, new Money(5_000, "NPR"),
                List.of(SellerOrderTotals.undiscounted(so, "store-1", seller, new Money(5_000, "NPR"))),
                CommissionRates.flat(2_000));

        assertThat(balance(seller, AccountKind.SELLER_PENDING)).isZero();
        assertThat(balance(seller, AccountKind.SELLER_AVAILABLE)).isEqualTo(4_000);
    }
}
