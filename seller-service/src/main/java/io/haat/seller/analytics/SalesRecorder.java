package io.haat.seller.analytics;

import io.haat.events.Money;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Adds order facts and product activity to the 15-minute aggregates, in the caller's transaction (the
 * consumer's, which also records the event as processed, so each fact is counted once).
 */
@Component
public class SalesRecorder {

    private final JdbcClient jdbc;

    public SalesRecorder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void confirmed(UUID storeId, Instant at, Money amount, int units) {
        sales(storeId, at, amount.currency(), Map.of("orders", 1L, "units", (long) units,
                "revenue_minor", amount.amountMinor()));
    }

    public void cancelled(UUID storeId, Instant at, Money amount) {
        sales(storeId, at, amount.currency(), Map.of("cancellations", 1L, "cancelled_minor", amount.amountMinor()));
    }

    public void delivered(UUID storeId, Instant at, String currency) {
        sales(storeId, at, currency, Map.of("deliveries", 1L));
    }

    /** A return was received; {@code amount} is what it adds to the money given back (may be zero). */
    public void returned(UUID storeId, Instant at, Money amount) {
        sales(storeId, at, amount.currency(), Map.of("returns", 1L, "returned_minor", amount.amountMinor()));
    }

    /** Money was given back (a refund beyond what returns already took off): lowers the net revenue. */
    public void refunded(UUID storeId, Instant at, Money amount) {
        sales(storeId, at, amount.currency(), Map.of("returned_minor", amount.amountMinor()));
    }

    /** A confirmed order contained {@code units} of the product. */
    public void productSold(UUID storeId, String productId, Instant at, int units) {
        product(storeId, productId, at, Map.of("orders", 1L, "units", (long) units));
    }

    public void productActivity(UUID storeId, String productId, Instant at, ProductActivity activity) {
        String column = switch (activity) {
            case VIEW -> "views";
            case CLICK -> "clicks";
            case ADD_TO_CART -> "add_to_cart";
        };
        product(storeId, productId, at, Map.of(column, 1L));
    }

    private void sales(UUID storeId, Instant at, String currency, Map<String, Long> increments) {
        upsert("sales_bucket", "store_id, bucket_start, currency", increments)
                .param("k1", storeId).param("k2", Timestamp.from(Buckets.of(at))).param("k3", currency)
                .update();
    }

    private void product(UUID storeId, String productId, Instant at, Map<String, Long> increments) {
        upsert("product_bucket", "store_id, bucket_start, product_id", increments)
                .param("k1", storeId).param("k2", Timestamp.from(Buckets.of(at))).param("k3", productId)
                .update();
    }

    // INSERT the increments as the first values, or add them to the bucket's (column names are constants above)
    private JdbcClient.StatementSpec upsert(String table, String key, Map<String, Long> increments) {
        String columns = String.join(", ", increments.keySet());
        String values = increments.keySet().stream().map(c -> ":" + c).collect(Collectors.joining(", "));
        String sums = increments.keySet().stream().map(c -> c + " = " + table + "." + c + " + EXCLUDED." + c)
                .collect(Collectors.joining(", "));
        JdbcClient.StatementSpec statement = jdbc.sql("INSERT INTO " + table + " (" + key + ", " + columns + ")"
                + " VALUES (:k1, :k2, :k3, " + values + ") ON CONFLICT (" + key + ") DO UPDATE SET " + sums);
        increments.forEach(statement::param);
        return statement;
    }
}
