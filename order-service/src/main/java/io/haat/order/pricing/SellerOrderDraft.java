package io.haat.order.pricing;

import io.haat.events.Money;
import java.util.List;

/**
 * A seller order being priced at checkout (or a cart store group being previewed): its store, its lines in a
 * stable order, and its shipping cost ({@code Money} zero when not known yet, e.g. in the cart).
 */
public record SellerOrderDraft(String key, String storeId, List<Line> lines, Money shipping) {

    public SellerOrderDraft {
        lines = List.copyOf(lines);
    }

    /** A line: its key (stable, e.g. the SKU) and its merchandise amount (unit price × quantity). */
    public record Line(String key, String productId, String sku, int quantity, Money amount) {
    }

    public Money merchandise() {
        return lines.stream().map(Line::amount).reduce(Money::plus).orElseThrow();
    }
}
