package io.haat.order.catalog;

import io.haat.events.Money;
import io.haat.events.catalog.ProductChanged;
import io.haat.events.catalog.ProductStatus;
import io.haat.events.inventory.StockLevelChanged;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The local copies of catalog's products and seller-service's stock levels. Each write is conditional on the
 * version it carries, so redelivered, late and reordered events never overwrite newer facts.
 */
@Repository
public class CatalogCopies {

    private static final String OFFER_SELECT = """
            SELECT p.product_id, v.sku, p.store_id, p.seller_id, p.name, p.status, v.price_minor, v.currency,
                   coalesce(s.available, 0) AS available,
                   coalesce(st.status, 'ACTIVE') = 'ACTIVE' AND coalesce(sc.status, 'APPROVED') = 'APPROVED'
                       AS store_open
            FROM catalog_product p
            JOIN catalog_variant v ON v.product_id = p.product_id
            LEFT JOIN stock_level s ON s.store_id = p.store_id AND s.sku = v.sku
            LEFT JOIN store_copy st ON st.store_id = p.store_id
            LEFT JOIN seller_copy sc ON sc.seller_id = st.seller_id
            """;

    private final JdbcClient jdbc;

    public CatalogCopies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the product unless the copy already holds this or a newer version; true if it was stored. */
    public boolean apply(ProductChanged product, long version, Instant at) {
        int stored = jdbc.sql("""
                        INSERT INTO catalog_product (product_id, store_id, seller_id, name, status, version, updated_at)
                        VALUES (:id, :store, :seller, :name, :status, :version, :at)
                        ON CONFLICT (product_id) DO UPDATE SET store_id = excluded.store_id,
                            seller_id = excluded.seller_id, name = excluded.name, status = excluded.status,
                            version = excluded.version, updated_at = excluded.updated_at
                        WHERE catalog_product.version < excluded.version""")
                .param("id", product.productId()).param("store", product.storeId())
                .param("seller", product.sellerId()).param("name", product.name())
                .param("status", product.status().name()).param("version", version)
                .param("at", Timestamp.from(at)).update();
        if (stored == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM catalog_variant WHERE product_id = ?").param(product.productId()).update();
        List<ProductChanged.Variant> variants = product.variants() == null ? List.of() : product.variants();
        for (ProductChanged.Variant variant : variants) {
            if (variant.sku() == null || variant.price() == null) {
                continue; // not sellable: a cart cannot price it, and its lines are flagged UNAVAILABLE
            }
            jdbc.sql("""
                            INSERT INTO catalog_variant (product_id, sku, price_minor, currency, weight_grams)
                            VALUES (?, ?, ?, ?, ?)
                            ON CONFLICT (product_id, sku) DO NOTHING""")
                    .params(product.productId(), variant.sku(), variant.price().amountMinor(),
                            variant.price().currency(), weightOf(variant))
                    .update();
        }
        return true;
    }

    /** Stores the stock level unless a level of this or a newer inventory version is there; true if stored. */
    public boolean apply(StockLevelChanged level, long version, Instant at) {
        return jdbc.sql("""
                        INSERT INTO stock_level (store_id, sku, available, version, updated_at)
                        VALUES (:store, :sku, :available, :version, :at)
                        ON CONFLICT (store_id, sku) DO UPDATE SET available = excluded.available,
                            version = excluded.version, updated_at = excluded.updated_at
                        WHERE stock_level.version < excluded.version""")
                .param("store", level.storeId()).param("sku", level.sku())
                .param("available", Math.max(0, level.available())).param("version", version)
                .param("at", Timestamp.from(at)).update() > 0;
    }

    /** The variant as known now; empty if the product or the SKU is unknown. */
    public Optional<Offer> offer(String productId, String sku) {
        return jdbc.sql(OFFER_SELECT + " WHERE p.product_id = ? AND v.sku = ?").params(productId, sku)
                .query((rs, row) -> offer(rs)).optional();
    }

    /** Every known variant of a product, cheapest first. */
    public List<Offer> offers(String productId) {
        return jdbc.sql(OFFER_SELECT + " WHERE p.product_id = ? ORDER BY v.price_minor, v.sku").param(productId)
                .query((rs, row) -> offer(rs)).list();
    }

    /** Every known variant of these products, by product id. */
    public Map<String, List<Offer>> offersOf(Collection<String> productIds) {
        Map<String, List<Offer>> byProduct = new HashMap<>();
        if (productIds.isEmpty()) {
            return byProduct;
        }
        jdbc.sql(OFFER_SELECT + " WHERE p.product_id IN (:ids) ORDER BY v.price_minor, v.sku")
                .param("ids", List.copyOf(productIds)).query((rs, row) -> offer(rs)).list()
                .forEach(offer -> byProduct.computeIfAbsent(offer.productId(), id -> new ArrayList<>())
                        .add(offer));
        return byProduct;
    }

    /** The known variants among {@code keys}; unknown ones are absent. */
    public Map<ProductVariantKey, Offer> offers(Collection<ProductVariantKey> keys) {
        Map<ProductVariantKey, Offer> found = new HashMap<>();
        offersOf(keys.stream().map(ProductVariantKey::productId).distinct().toList()).values().stream()
                .flatMap(List::stream)
                .forEach(offer -> found.put(new ProductVariantKey(offer.productId(), offer.sku()), offer));
        found.keySet().retainAll(keys);
        return found;
    }

    /**
     * The weights in grams of the known variants among {@code keys} that have one; a variant that is unknown or
     * was published without a weight is absent (shipping counts its default for it).
     */
    public Map<ProductVariantKey, Integer> weights(Collection<ProductVariantKey> keys) {
        Map<ProductVariantKey, Integer> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        Set<ProductVariantKey> wanted = Set.copyOf(keys);
        jdbc.sql("""
                        SELECT product_id, sku, weight_grams FROM catalog_variant
                        WHERE product_id IN (:ids) AND weight_grams IS NOT NULL""")
                .param("ids", wanted.stream().map(ProductVariantKey::productId).distinct().toList())
                .query((rs, row) -> Map.entry(new ProductVariantKey(rs.getString("product_id"), rs.getString("sku")),
                        rs.getInt("weight_grams")))
                .list().stream().filter(entry -> wanted.contains(entry.getKey()))
                .forEach(entry -> found.put(entry.getKey(), entry.getValue()));
        return found;
    }

    /** A negative weight (never sent by catalog, which validates it) is treated as unknown rather than refused. */
    private static Integer weightOf(ProductChanged.Variant variant) {
        return variant.weightGrams() == null || variant.weightGrams() < 0 ? null : variant.weightGrams();
    }

    private static Offer offer(ResultSet rs) throws SQLException {
        return new Offer(rs.getString("product_id"), rs.getString("sku"), rs.getString("store_id"),
                rs.getString("seller_id"), rs.getString("name"), ProductStatus.valueOf(rs.getString("status")),
                new Money(rs.getLong("price_minor"), rs.getString("currency").trim()), rs.getInt("available"),
                rs.getBoolean("store_open"));
    }
}
