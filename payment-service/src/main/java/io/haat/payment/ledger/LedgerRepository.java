package io.haat.payment.ledger;

import io.haat.events.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Ledger transactions and entries in PostgreSQL: inserted, never updated; positions are sums of entries. */
@Repository
public class LedgerRepository {

    private final JdbcClient jdbc;

    public LedgerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises postings for one order until the transaction ends (positions are read, then posted on). */
    public void lockOrder(String orderId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "ledger:order:" + orderId).query((rs, row) -> 1).list();
    }

    /**
     * Serialises the movements of one seller's available balance that read it first (payout requests) until the
     * transaction ends: two requests for the whole balance cannot both see it.
     */
    public void lockSeller(String sellerId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "ledger:seller:" + sellerId).query((rs, row) -> 1).list();
    }

    /** A seller's balance of one kind in one currency (credit-normal: positive = owed to the seller). */
    public long sellerBalance(String sellerId, AccountKind kind, String currency) {
        return jdbc.sql("""
                        SELECT -coalesce(sum(e.amount_minor), 0) FROM ledger_entry e
                        JOIN ledger_account a ON a.id = e.account_id
                        WHERE a.seller_id = :seller AND a.kind = :kind AND a.currency = :currency""")
                .param("seller", sellerId).param("kind", kind.name()).param("currency", currency)
                .query(Long.class).single();
    }

    /**
     * Inserts the transaction and its entries; false (and nothing written) if a transaction with its idempotency
     * key exists. The database checks at commit that the entries sum to zero per currency.
     */
    public boolean insert(LedgerTransaction transaction) {
        int inserted = jdbc.sql("""
                        INSERT INTO ledger_transaction (id, idempotency_key, kind, order_id, reference, reason, posted_at)
                        VALUES (:id, :key, :kind, :orderId, :reference, :reason, :postedAt)
                        ON CONFLICT (idempotency_key) DO NOTHING""")
                .param("id", transaction.id()).param("key", transaction.idempotencyKey())
                .param("kind", transaction.kind().name()).param("orderId", transaction.orderId())
                .param("reference", transaction.reference()).param("reason", transaction.reason())
                .param("postedAt", Timestamp.from(transaction.postedAt()))
                .update();
        if (inserted == 0) {
            return false;
        }
        for (LedgerEntry entry : transaction.entries()) {
            jdbc.sql("""
                            INSERT INTO ledger_entry (transaction_id, account_id, currency, amount_minor, order_id,
                                seller_order_id)
                            VALUES (:tx, :account, :currency, :amount, :orderId, :sellerOrderId)""")
                    .param("tx", transaction.id()).param("account", accountId(entry.account()))
                    .param("currency", entry.amount().currency()).param("amount", entry.amount().amountMinor())
                    .param("orderId", entry.orderId()).param("sellerOrderId", entry.sellerOrderId())
                    .update();
        }
        return true;
    }

    public Optional<LedgerTransaction> findByKey(String idempotencyKey) {
        return jdbc.sql("""
                        SELECT id, idempotency_key, kind, order_id, reference, reason, posted_at
                        FROM ledger_transaction WHERE idempotency_key = :key""")
                .param("key", idempotencyKey)
                .query((rs, row) -> new LedgerTransaction(rs.getObject("id", UUID.class),
                        rs.getString("idempotency_key"), TransactionKind.valueOf(rs.getString("kind")),
                        rs.getString("order_id"), rs.getString("reference"), rs.getString("reason"),
                        rs.getTimestamp("posted_at").toInstant(), entriesOf(rs.getObject("id", UUID.class))))
                .optional();
    }

    private List<LedgerEntry> entriesOf(UUID transactionId) {
        return jdbc.sql("""
                        SELECT a.kind, a.seller_id, e.currency, e.amount_minor, e.order_id, e.seller_order_id
                        FROM ledger_entry e JOIN ledger_account a ON a.id = e.account_id
                        WHERE e.transaction_id = :tx ORDER BY e.id""")
                .param("tx", transactionId)
                .query((rs, row) -> new LedgerEntry(account(rs),
                        new Money(rs.getLong("amount_minor"), rs.getString("currency")),
                        rs.getString("order_id"), rs.getString("seller_order_id")))
                .list();
    }

    /** Records that a seller order completed; false if it had been recorded before. */
    public boolean recordCompletion(String sellerOrderId, String orderId, java.time.Instant at) {
        return jdbc.sql("""
                        INSERT INTO seller_order_completion (seller_order_id, order_id, completed_at)
                        VALUES (:so, :orderId, :at) ON CONFLICT (seller_order_id) DO NOTHING""")
                .param("so", sellerOrderId).param("orderId", orderId).param("at", Timestamp.from(at))
                .update() == 1;
    }

    /** What the ledger holds for each of the seller orders (absent: nothing posted yet). */
    public Map<String, SellerOrderPosition> positions(Collection<String> sellerOrderIds) {
        Map<String, long[]> sums = new HashMap<>();
        Map<String, Boolean> completed = new HashMap<>();
        if (sellerOrderIds.isEmpty()) {
            return Map.of();
        }
        jdbc.sql("""
                        SELECT e.seller_order_id, a.kind AS account_kind, t.kind AS tx_kind, sum(e.amount_minor) AS total
                        FROM ledger_entry e
                        JOIN ledger_account a ON a.id = e.account_id
                        JOIN ledger_transaction t ON t.id = e.transaction_id
                        WHERE e.seller_order_id IN (:ids)
                        GROUP BY e.seller_order_id, a.kind, t.kind""")
                .param("ids", List.copyOf(sellerOrderIds))
                .query((ResultSet rs) -> {
                    String so = rs.getString("seller_order_id");
                    AccountKind account = AccountKind.valueOf(rs.getString("account_kind"));
                    TransactionKind tx = TransactionKind.valueOf(rs.getString("tx_kind"));
                    long total = rs.getLong("total");
                    long[] s = sums.computeIfAbsent(so, id -> new long[7]);
                    switch (account) {
                        case CUSTOMER_CLEARING -> s[0] += total;
                        case REFUNDS -> s[1] -= total;
                        case COMMISSION_REVENUE -> {
                            if (tx == TransactionKind.REFUND) {
                                s[3] += total;
                            } else {
                                s[2] -= total;
                            }
                        }
                        case PLATFORM_DISCOUNTS -> {
                            if (tx == TransactionKind.REFUND) {
                                s[5] -= total;
                            } else {
                                s[4] += total;
                            }
                        }
                        case SELLER_PENDING -> s[6] -= total;
                        case SELLER_AVAILABLE, CUSTOMER_CREDIT, PAYOUTS_IN_TRANSIT, PAYOUTS_PAID -> {
                            // not part of a seller order's position: available is the seller's, credit the order's
                        }
                    }
                });
        jdbc.sql("SELECT seller_order_id FROM seller_order_completion WHERE seller_order_id IN (:ids)")
                .param("ids", List.copyOf(sellerOrderIds)).query(String.class).list()
                .forEach(so -> {
                    sums.computeIfAbsent(so, id -> new long[7]);
                    completed.put(so, true);
                });
        Map<String, SellerOrderPosition> positions = new HashMap<>();
        sums.forEach((so, s) -> positions.put(so, new SellerOrderPosition(s[0], s[1], s[2], s[3], s[4], s[5], s[6],
                completed.getOrDefault(so, false))));
        return positions;
    }

    /** What the order holds as customer credit (captured beyond its total, not refunded), in minor units. */
    public long customerCredit(String orderId, String currency) {
        Long balance = jdbc.sql("""
                        SELECT coalesce(sum(e.amount_minor), 0) FROM ledger_entry e
                        JOIN ledger_account a ON a.id = e.account_id
                        WHERE e.order_id = :orderId AND a.kind = 'CUSTOMER_CREDIT' AND a.currency = :currency""")
                .param("orderId", orderId).param("currency", currency).query(Long.class).single();
        return -balance;   // a credit account: negative sum of entries = owed
    }

    /** The seller and currency of a seller order the ledger has earnings of. */
    public Optional<Account> sellerAccountOf(String sellerOrderId) {
        return jdbc.sql("""
                        SELECT a.kind, a.seller_id, a.currency FROM ledger_entry e JOIN ledger_account a ON a.id = e.account_id
                        WHERE e.seller_order_id = :so AND a.kind = 'SELLER_PENDING' LIMIT 1""")
                .param("so", sellerOrderId).query((rs, row) -> account(rs)).optional();
    }

    /** The balance of every account that has one, as the sum of its entries (positive = debit). */
    public Map<Account, Long> balances() {
        Map<Account, Long> balances = new HashMap<>();
        jdbc.sql("""
                        SELECT a.kind, a.seller_id, a.currency, sum(e.amount_minor) AS balance
                        FROM ledger_account a JOIN ledger_entry e ON e.account_id = a.id
                        GROUP BY a.id, a.kind, a.seller_id, a.currency""")
                .query((ResultSet rs) -> {
                    balances.put(account(rs), rs.getLong("balance"));
                });
        return balances;
    }

    /** A seller's balances (credit-normal: positive = owed to the seller) per account kind and currency. */
    public List<SellerBalance> sellerBalances(String sellerId) {
        return jdbc.sql("""
                        SELECT a.kind, a.seller_id, a.currency, -coalesce(sum(e.amount_minor), 0) AS balance
                        FROM ledger_account a LEFT JOIN ledger_entry e ON e.account_id = a.id
                        WHERE a.seller_id = :seller
                        GROUP BY a.id, a.kind, a.seller_id, a.currency ORDER BY a.currency, a.kind""")
                .param("seller", sellerId)
                .query((rs, row) -> new SellerBalance(account(rs), rs.getLong("balance")))
                .list();
    }

    /** A seller's entries, newest first. */
    public List<SellerEntry> sellerEntries(String sellerId, long offset, int limit) {
        return jdbc.sql("""
                        SELECT e.id, t.id AS tx_id, t.kind AS tx_kind, t.reason, t.posted_at, a.kind, a.seller_id,
                            a.currency, e.amount_minor, e.order_id, e.seller_order_id
                        FROM ledger_entry e
                        JOIN ledger_account a ON a.id = e.account_id
                        JOIN ledger_transaction t ON t.id = e.transaction_id
                        WHERE a.seller_id = :seller
                        ORDER BY e.id DESC LIMIT :limit OFFSET :offset""")
                .param("seller", sellerId).param("limit", limit).param("offset", offset)
                .query((rs, row) -> new SellerEntry(rs.getLong("id"), rs.getObject("tx_id", UUID.class),
                        TransactionKind.valueOf(rs.getString("tx_kind")), rs.getString("reason"),
                        rs.getTimestamp("posted_at").toInstant(), account(rs).kind(),
                        new Money(-rs.getLong("amount_minor"), rs.getString("currency")),
                        rs.getString("order_id"), rs.getString("seller_order_id")))
                .list();
    }

    public long countSellerEntries(String sellerId) {
        return jdbc.sql("""
                        SELECT count(*) FROM ledger_entry e JOIN ledger_account a ON a.id = e.account_id
                        WHERE a.seller_id = :seller""")
                .param("seller", sellerId).query(Long.class).single();
    }

    private long accountId(Account account) {
        jdbc.sql("""
                        INSERT INTO ledger_account (kind, seller_id, currency) VALUES (:kind, :seller, :currency)
                        ON CONFLICT ON CONSTRAINT ledger_account_uk DO NOTHING""")
                .param("kind", account.kind().name()).param("seller", account.sellerId())
                .param("currency", account.currency()).update();
        return jdbc.sql("""
                        SELECT id FROM ledger_account
                        WHERE kind = :kind AND seller_id IS NOT DISTINCT FROM :seller AND currency = :currency""")
                .param("kind", account.kind().name()).param("seller", account.sellerId())
                .param("currency", account.currency()).query(Long.class).single();
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(AccountKind.valueOf(rs.getString("kind")), rs.getString("seller_id"),
                rs.getString("currency").trim());
    }

    /** One balance of a seller (positive = owed to the seller). */
    public record SellerBalance(Account account, long balanceMinor) {
    }

    /** One entry on a seller's account, signed from the seller's side (positive = the seller's balance grew). */
    public record SellerEntry(long id, UUID transactionId, TransactionKind kind, String reason,
                              java.time.Instant postedAt, AccountKind account, Money amount, String orderId,
                              String sellerOrderId) {
    }
}
