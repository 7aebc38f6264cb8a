package io.haat.catalog.product;

/**
 * Products were written (created, edited, moved to another status, images changed, the store's visibility
 * changed): a Spring event for read models kept beside MongoDB, such as the search index. {@code productId} null
 * means every product of {@code storeId}.
 */
public record ProductsWritten(String productId, String storeId) {

    public static ProductsWritten one(String productId) {
        return new ProductsWritten(productId, null);
    }

    public static ProductsWritten ofStore(String storeId) {
        return new ProductsWritten(null, storeId);
    }
}
