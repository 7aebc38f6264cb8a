package io.haat.payment.report;

import io.haat.platform.report.ReportRange;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sums of ledger entries per period, currency and seller: the report is read from the ledger, nothing else. */
@Repository
public class RevenueRepository {

    private final JdbcClient jdbc;

    public RevenueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One row per (period, currency, seller) with movements in the range: {@code period} is the 1-based index (in
     * {@link ReportRange#periods()}) of the period of the transaction's time. Entries are
     * attributed to the seller of their seller order (whose earnings entries name it); entries of no seller order
     * (overpayments, payouts) are not revenue and are left out.
     */
    public List<Row> sums(ReportRange range) {
        return jdbc.sql("""
                        WITH moved AS (
                            SELECT width_bucket(t.posted_at, CAST(:bounds AS timestamptz[])) AS period, e.currency,
                                e.seller_order_id, a.kind, e.amount_minor
                            FROM ledger_entry e
                            JOIN ledger_transaction t ON t.id = e.transaction_id
                            JOIN ledger_account a ON a.id = e.account_id
                            WHERE t.posted_at >= :from AND t.posted_at < :to AND e.seller_order_id IS NOT NULL
                              AND a.kind IN ('CUSTOMER_CLEARING', 'REFUNDS', 'COMMISSION_REVENUE', 'PLATFORM_DISCOUNTS')
                        ), sellers AS (
                            SELECT DISTINCT ON (e.seller_order_id) e.seller_order_id, a.seller_id
                            FROM ledger_entry e JOIN ledger_account a ON a.id = e.account_id
                            WHERE a.seller_id IS NOT NULL
                              AND e.seller_order_id IN (SELECT DISTINCT seller_order_id FROM moved)
                            ORDER BY e.seller_order_id, e.id
                        )
                        SELECT m.period, m.currency, s.seller_id,
                            sum(CASE WHEN m.kind = 'CUSTOMER_CLEARING' THEN m.amount_minor ELSE 0 END) AS gmv,
                            sum(CASE WHEN m.kind = 'REFUNDS' THEN -m.amount_minor ELSE 0 END) AS refunds,
                            sum(CASE WHEN m.kind = 'COMMISSION_REVENUE' THEN -m.amount_minor ELSE 0 END) AS commission,
                            sum(CASE WHEN m.kind = 'PLATFORM_DISCOUNTS' THEN m.amount_minor ELSE 0 END) AS discounts
                        FROM moved m LEFT JOIN sellers s ON s.seller_order_id = m.seller_order_id
                        GROUP BY m.period, m.currency, s.seller_id
                        ORDER BY m.period, m.currency, s.seller_id NULLS LAST""")
                .param("bounds", range.periodStartsArray()).param("from", Timestamp.from(range.startsAt()))
                .param("to", Timestamp.from(range.endsAt()))
                .query((rs, row) -> new Row(rs.getInt("period"), rs.getString("currency").trim(),
                        rs.getString("seller_id"), rs.getLong("gmv"), rs.getLong("refunds"), rs.getLong("commission"),
                        rs.getLong("discounts")))
                .list();
    }

    /** Sums of one period, currency and seller (null: a seller order with no earnings entry, e.g. 100 % commission). */
    public record Row(int period, String currency, String sellerId, long gmv, long refunds, long commission,
                      long discounts) {
    }
}
