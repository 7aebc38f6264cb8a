package io.haat.order.pricing;

import io.haat.events.Money;
import java.util.List;

/**
 * The seam between checkout and the stores' shipping methods (package {@code io.haat.order.shipping}).
 */
public interface ShippingQuotes {

    /**
     * The store's active shipping methods that serve {@code address}, each priced for these lines (weight from the
     * catalog copy) and this merchandise subtotal; cheapest first, then fastest. Empty when none serves it.
     */
    List<ShippingQuote> quote(String storeId, DeliveryAddress address, List<ParcelLine> lines, Money merchandise);
}
