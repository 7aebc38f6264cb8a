package io.haat.order.shipping;

import io.haat.events.Money;
import io.haat.order.catalog.CatalogCopies;
import io.haat.order.catalog.ProductVariantKey;
import io.haat.order.pricing.DeliveryAddress;
import io.haat.order.pricing.ParcelLine;
import io.haat.order.pricing.ShippingQuote;
import io.haat.order.pricing.ShippingQuotes;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Quotes a store's shipping methods for a parcel: weighed from the catalog copy (a unit without a known weight
 * counts {@code haat.order.shipping.default-weight-grams}), priced by each method's {@link ShippingRate}.
 */
@Component
public class StoreShippingQuotes implements ShippingQuotes {

    private final ShippingMethodRepository methods;
    private final CatalogCopies catalog;
    private final ShippingProperties properties;

    public StoreShippingQuotes(ShippingMethodRepository methods, CatalogCopies catalog,
                               ShippingProperties properties) {
        this.methods = methods;
        this.catalog = catalog;
        this.properties = properties;
    }

    @Override
    public List<ShippingQuote> quote(String storeId, DeliveryAddress address, List<ParcelLine> lines,
                                     Money merchandise) {
        List<ShippingMethod> candidates = methods.active(storeId, merchandise.currency());
        if (candidates.isEmpty()) {
            return List.of();
        }
        return ShippingMethod.quotes(candidates, address, weightGrams(lines), merchandise);
    }

    /** Σ quantity × the variant's weight (the default where the copy has none). */
    long weightGrams(List<ParcelLine> lines) {
        Map<ProductVariantKey, Integer> weights = catalog.weights(
                lines.stream().map(line -> new ProductVariantKey(line.productId(), line.sku())).toList());
        long total = 0;
        for (ParcelLine line : lines) {
            int unit = weights.getOrDefault(new ProductVariantKey(line.productId(), line.sku()),
                    properties.defaultWeightGrams());
            total = Math.addExact(total, Math.multiplyExact((long) line.quantity(), unit));
        }
        return total;
    }
}
