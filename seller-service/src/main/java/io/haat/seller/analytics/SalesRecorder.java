package io.haat.seller.analytics;

import io.haat.events.Money;
import java.time.Instant;
import java.util.UUID;
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
        sales(storeId, at, amount.currency(), "orders = sales_bucket.orders + 1, units = sales_bucket.units + :units,"
                + " revenue_minor = sales_bucket.revenue_minor + :amount", units, amount.amountMinor());
    }

    public void cancelled(UUID storeId, Instant at, Money amount) {
        sales(storeId, at, amount.currency(), "cancellations = sales_bucket.cancellations + 1,"
                + " cancelled_minor = sales_bucket.cancelled_minor + :amount", 0, amount.amountMinor());
    }

    public void delivered(UUID storeId, Instant at, String currency) {
        sales(storeId, at, currency, "deliveries = sales_bucket.deliveries + 1", 0, 0);
    }

    public void returned(UUID storeId, Instant at, Money amount) {
        sales(storeId, at, amount.currency(), "returns = sales_bucket.returns + 1,"
                + " returned_minor = sales_bucket.returned_minor + :amount", 0, amount.amountMinor());
    }

    /** A confirmed order contained {@code units} of the product. */
    public void productSold(UUID storeId, String productId, Instant at, int units) {
        product(storeId, productId, at, "orders = product_bucket.orders + 1, units = product_bucket.units + :n", units);
    }

    public void productActivity(UUID storeId, String productId, Instant at, ProductActivity activity) {
        String column = switch (activity) {
            case VIEW -> "views";
            case CLICK -> "clicks";
            case ADD_TO_CART -> "add_to_cart";
        };
        product(storeId, productId, at, column + " = product_bucket." + column + " + :n", 1);
    }

    private void sales(UUID storeId, Instant at, String currency, String increments, int units, long amount) {
        jdbc.sql("INSERT INTO sales_bucket (store_id, bucket_start, currency) VALUES (:store, :bucket, :currency)"
                        + " ON CONFLICT (store_id, bucket_start, currency) DO UPDATE SET " + increments)
                .param("store", storeId).param("bucket", java.sql.Timestamp.from(Buckets.of(at)))
                .param("currency", currency).param("units", units).param("amount", amount)
                .update();
    }

    private void product(UUID storeId, String productId, Instant at, String increments, int n) {
        jdbc.sql("INSERT INTO product_bucket (store_id, product_id, bucket_start) VALUES (:store, :product, :bucket)"
                        + " ON CONFLICT (store_id, bucket_start, product_id) DO UPDATE SET " + increments)
                .param("store", storeId).param("product", productId)
                .param("bucket", java.sql.Timestamp.from(Buckets.of(at))).param("n", n)
                .update();
    }
}
