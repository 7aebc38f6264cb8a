package io.haat.order.cart;

import io.haat.events.Money;
import io.haat.order.catalog.CatalogCopies;
import io.haat.order.catalog.Offer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** Prices a cart now from the local copies and flags what changed since its lines were added. */
@Component
public class CartViews {

    private final CatalogCopies catalog;

    public CartViews(CatalogCopies catalog) {
        this.catalog = catalog;
    }

    /** The view of a guest who has no cart yet. */
    public static CartResponse none() {
        return new CartResponse(null, true, 0, 0, List.of(), List.of(), false, null);
    }

    public CartResponse of(Cart cart) {
        Map<String, List<Offer>> byProduct = catalog.offersOf(
                cart.lines().stream().map(CartLine::productId).distinct().toList());
        Map<String, List<CartResponse.Line>> linesByStore = new LinkedHashMap<>();
        Map<String, String> sellers = new LinkedHashMap<>();
        Map<String, Map<String, Money>> storeTotals = new LinkedHashMap<>();
        Map<String, Money> totals = new LinkedHashMap<>();
        boolean issues = false;
        int items = 0;
        for (CartLine line : cart.lines()) {
            List<Offer> variants = byProduct.getOrDefault(line.productId(), List.of());
            Offer offer = variants.stream().filter(o -> o.sku().equals(line.sku())).findFirst().orElse(null);
            Offer product = offer != null ? offer : variants.stream().findFirst().orElse(null);
            CartResponse.Line view = line(line, offer, product);
            String store = product == null ? null : product.storeId();
            linesByStore.computeIfAbsent(store, s -> new ArrayList<>()).add(view);
            if (product != null) {
                sellers.putIfAbsent(store, product.sellerId());
            }
            items += line.quantity();
            if (view.flags().stream().anyMatch(LineFlag::blocksPurchase)) {
                issues = true;
            } else {
                add(storeTotals.computeIfAbsent(store, s -> new LinkedHashMap<>()), view.lineTotal());
                add(totals, view.lineTotal());
            }
            issues |= view.priceChanged();
        }
        List<CartResponse.StoreGroup> groups = new ArrayList<>();
        linesByStore.forEach((store, lines) -> groups.add(new CartResponse.StoreGroup(store, sellers.get(store), lines,
                List.copyOf(storeTotals.getOrDefault(store, Map.of()).values()))));
        return new CartResponse(cart.id(), cart.isGuest(), cart.lines().size(), items, groups,
                List.copyOf(totals.values()), issues, cart.updatedAt());
    }

    private static CartResponse.Line line(CartLine line, Offer offer, Offer product) {
        List<LineFlag> flags = new ArrayList<>();
        Money unit = offer == null ? null : offer.price();
        int available = offer == null ? 0 : offer.available();
        if (offer == null || !offer.active()) {
            flags.add(LineFlag.UNAVAILABLE);
        } else if (available == 0) {
            flags.add(LineFlag.OUT_OF_STOCK);
        } else if (line.quantity() > available) {
            flags.add(LineFlag.INSUFFICIENT_STOCK);
        }
        boolean priceChanged = unit != null && !Objects.equals(unit, line.priceWhenAdded());
        if (priceChanged) {
            flags.add(LineFlag.PRICE_CHANGED);
        }
        return new CartResponse.Line(line.id(), line.productId(), line.sku(), product == null ? null : product.name(),
                line.quantity(), unit, line.priceWhenAdded(), priceChanged,
                unit == null ? null : unit.times(line.quantity()), available, List.copyOf(flags), line.addedAt());
    }

    private static void add(Map<String, Money> totals, Money amount) {
        totals.merge(amount.currency(), amount, Money::plus);
    }
}
