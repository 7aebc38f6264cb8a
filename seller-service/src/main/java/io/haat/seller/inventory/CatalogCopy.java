package io.haat.seller.inventory;

import io.haat.events.catalog.ProductChanged;
import io.haat.events.catalog.ProductStatus;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog's products per store ({@code catalog_product}) and the SKUs of those that are listed
 * ({@code catalog_sku}), kept from each product's {@code ProductChanged} snapshot. A stock row's {@code inCatalog}
 * is read against it ({@link InventoryRepository}), so a stock row created before its product's event arrives is
 * flagged until the event comes, then not.
 */
@Repository
public class CatalogCopy {

    /** A product in these states lists none of its SKUs. */
    static final Set<ProductStatus> UNLISTED = Set.of(ProductStatus.DELETED, ProductStatus.BANNED);

    private final JdbcClient jdbc;

    public CatalogCopy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Replaces the product's SKUs with the snapshot's (none once deleted or banned) unless the copy already holds this
     * or a newer version of the product; true if it was applied.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean apply(UUID storeId, ProductChanged product, long version) {
        int stored = jdbc.sql("""
                        INSERT INTO catalog_product (product_id, store_id, status, version, updated_at)
                        VALUES (:id, :store, :status, :version, now())
                        ON CONFLICT (product_id) DO UPDATE SET store_id = excluded.store_id,
                            status = excluded.status, version = excluded.version, updated_at = excluded.updated_at
                        WHERE catalog_product.version < excluded.version""")
                .param("id", product.productId()).param("store", storeId)
                .param("status", String.valueOf(product.status())).param("version", version).update();
        if (stored == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM catalog_sku WHERE product_id = ?").param(product.productId()).update();
        if (product.status() != null && !UNLISTED.contains(product.status()) && product.variants() != null) {
            for (ProductChanged.Variant variant : product.variants()) {
                if (variant != null && variant.sku() != null && !variant.sku().isBlank()) {
                    jdbc.sql("""
                                    INSERT INTO catalog_sku (product_id, sku, store_id) VALUES (?, ?, ?)
                                    ON CONFLICT (product_id, sku) DO NOTHING""")
                            .params(product.productId(), variant.sku(), storeId).update();
                }
            }
        }
        return true;
    }
}
