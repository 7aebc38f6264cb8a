package io.haat.payment.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.events.Money;
import io.haat.events.orders.SellerOrderTotals;
import io.haat.events.payment.RefundReason;
import io.haat.events.payment.SellerOrderRefund;
import io.haat.payment.PaymentIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Postings on real PostgreSQL: stored once per idempotency key, balanced and append-only by the database itself. */
class LedgerIntegrationTest extends PaymentIntegrationTest {

    @Autowired
    private Ledger ledger;
    @Autowired
    private LedgerRepository repository;
    @Autowired
    private PlatformTransactionManager transactions;

    private static Money npr(long minor) {
        return new Money(minor, "NPR");
    }

    private long entries() {
        return jdbc.sql("SELECT count(*) FROM ledger_entry").query(Long.class).single();
    }

    private long sellerBalance(String sellerId, AccountKind kind) {
        return repository.sellerBalances(sellerId).stream().filter(b -> b.account().kind() == kind)
                .mapToLong(LedgerRepository.SellerBalance::balanceMinor).sum();
    }

    @Test
    void aCaptureIsPostedOnceHoweverOftenItIsDelivered() {
        String seller = UUID.randomUUID().toString();
        String order = UUID.randomUUID().toString();
        String payment = UUID.randomUUID().toString();
        List<SellerOrderTotals> split = List.of(SellerOrderTotals.undiscounted("so-" + order, "st", seller, npr(5_000)));

        Ledger.Posted first = ledger.postCapture(payment, order, npr(5_000), split, CommissionRates.flat(1_500));
        long entriesAfterFirst = entries();
        Ledger.Posted again = ledger.postCapture(payment, order, npr(5_000), split, CommissionRates.flat(1_500));

        assertThat(first.duplicate()).isFalse();
        assertThat(again.duplicate()).isTrue();
        assertThat(again.transaction().id()).isEqualTo(first.transaction().id());
        assertThat(again.transaction().entries()).containsExactlyInAnyOrderElementsOf(first.transaction().entries());
        assertThat(entries()).isEqualTo(entriesAfterFirst);
        assertThat(sellerBalance(seller, AccountKind.SELLER_PENDING)).isEqualTo(4_250);

        assertThat(ledger.postCompletion("so-" + order, order)).get().extracting(Ledger.Posted::duplicate)
                .isEqualTo(false);
        assertThat(ledger.postCompletion("so-" + order, order)).get().extracting(Ledger.Posted::duplicate)
                .isEqualTo(true);
        assertThat(sellerBalance(seller, AccountKind.SELLER_PENDING)).isZero();
        assertThat(sellerBalance(seller, AccountKind.SELLER_AVAILABLE)).isEqualTo(4_250);

        List<SellerOrderRefund> refund = List.of(new SellerOrderRefund("so-" + order, "st", seller, npr(5_000)));
        ledger.postRefund("r-" + order, order, refund, RefundReason.RETURN);
        assertThat(ledger.postRefund("r-" + order, order, refund, RefundReason.RETURN).duplicate()).isTrue();
        assertThat(sellerBalance(seller, AccountKind.SELLER_AVAILABLE)).isZero();
    }

    @Test
    void twoPaymentsRacingForTheSameOrderNeverPayTheSellerTwice() throws Exception {
        String seller = UUID.randomUUID().toString();
        String order = UUID.randomUUID().toString();
        List<SellerOrderTotals> split = List.of(SellerOrderTotals.undiscounted("so-" + order, "st", seller, npr(1_000)));
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            List<Future<Ledger.Posted>> posted = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                posted.add(threads.submit(() -> {
                    start.await();
                    return ledger.postCapture(UUID.randomUUID().toString(), order, npr(1_000), split,
                            CommissionRates.flat(1_000));
                }));
            }
            start.countDown();
            for (Future<Ledger.Posted> each : posted) {
                assertThat(each.get(30, TimeUnit.SECONDS).duplicate()).isFalse();
            }
        }

        assertThat(sellerBalance(seller, AccountKind.SELLER_PENDING)).isEqualTo(900);
        assertThat(jdbc.sql("""
                SELECT -sum(e.amount_minor) FROM ledger_entry e JOIN ledger_account a ON a.id = e.account_id
                WHERE e.order_id = ? AND a.kind = 'CUSTOMER_CREDIT'""").param(order).query(Long.class).single())
                .as("the second payment is an overpayment to refund").isEqualTo(1_000);
    }

    @Test
    void aCompletionBeforeAnyCaptureIsRememberedSoTheLaterCaptureIsAvailableAtOnce() {
        String seller = UUID.randomUUID().toString();
        String order = UUID.randomUUID().toString();
        assertThat(ledger.postCompletion("so-" + order, order)).isEmpty();

        ledger.postCapture(UUID.randomUUID().toString(), order, npr(1_000),
                List.of(SellerOrderTotals.undiscounted("so-" + order, "st", seller, npr(1_000))),
                CommissionRates.flat(1_000));

        assertThat(ledger.postCompletion("so-" + order, order)).isEmpty();   // a redelivery moves nothing
        assertThat(sellerBalance(seller, AccountKind.SELLER_PENDING)).isZero();
        assertThat(sellerBalance(seller, AccountKind.SELLER_AVAILABLE)).isEqualTo(900);
    }

    @Test
    void theDatabaseRefusesATransactionWhoseEntriesDoNotSumToZero() {
        long before = entries();
        TransactionTemplate tx = new TransactionTemplate(transactions);

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    INSERT INTO ledger_transaction (id, idempotency_key, kind, order_id, reference, reason, posted_at)
                    VALUES (?, ?, 'CAPTURE', 'o', 'p', 'CAPTURE', now())""").params(id, "bad:" + id).update();
            Long account = jdbc.sql("""
                    INSERT INTO ledger_account (kind, currency) VALUES ('CUSTOMER_CLEARING', 'NPR')
                    ON CONFLICT ON CONSTRAINT ledger_account_uk DO UPDATE SET currency = excluded.currency
                    RETURNING id""").query(Long.class).single();
            jdbc.sql("""
                    INSERT INTO ledger_entry (transaction_id, account_id, currency, amount_minor, order_id)
                    VALUES (?, ?, 'NPR', 100, 'o')""").params(id, account).update();
        })).hasStackTraceContaining("does not sum to zero");
        assertThat(entries()).isEqualTo(before);

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> jdbc.sql("""
                INSERT INTO ledger_transaction (id, idempotency_key, kind, order_id, reference, reason, posted_at)
                VALUES (gen_random_uuid(), 'empty', 'CAPTURE', 'o', 'p', 'CAPTURE', now())""").update()))
                .hasStackTraceContaining("has no entries");
    }

    @Test
    void postedEntriesAndTransactionsCanBeNeitherChangedNorDeleted() {
        String order = UUID.randomUUID().toString();
        ledger.postCapture(UUID.randomUUID().toString(), order, npr(700),
                List.of(SellerOrderTotals.undiscounted("so-" + order, "st", "s-" + order, npr(700))),
                CommissionRates.flat(1_000));
        long before = entries();

        assertThatThrownBy(() -> jdbc.sql("UPDATE ledger_entry SET amount_minor = amount_minor * 2 WHERE order_id = ?")
                .param(order).update()).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM ledger_entry WHERE order_id = ?").param(order).update())
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("UPDATE ledger_transaction SET reason = 'x' WHERE order_id = ?")
                .param(order).update()).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM ledger_transaction WHERE order_id = ?").param(order).update())
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE ledger_entry CASCADE").update())
                .hasStackTraceContaining("append-only");
        assertThat(entries()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT sum(amount_minor) FROM ledger_entry WHERE order_id = ? AND amount_minor > 0")
                .param(order).query(Long.class).single()).isEqualTo(700);
    }
}
