package io.haat.seller.analytics;

/**
 * How shoppers met one product (or all, for totals): views, search clicks, add-to-cart, confirmed
 * orders and units; click-through rate = clicks / views, add-to-cart rate = add-to-cart / views,
 * conversion rate = orders / views (0 when there were no views).
 */
public record ProductPerformance(String productId, long views, long clicks, long addToCart, long orders, long units,
                                 double clickThroughRate, double addToCartRate, double conversionRate) {

    static ProductPerformance of(String productId, long views, long clicks, long addToCart, long orders, long units) {
        return new ProductPerformance(productId, views, clicks, addToCart, orders, units, rate(clicks, views),
                rate(addToCart, views), rate(orders, views));
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
