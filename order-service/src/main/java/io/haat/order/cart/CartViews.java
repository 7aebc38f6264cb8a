package io.haat.order.cart;

import io.haat.events.Money;
import io.haat.order.catalog.CatalogCopies;
import io.haat.order.catalog.Offer;
import io.haat.order.pricing.CouponRedemptions;
import io.haat.order.pricing.Discounts;
import io.haat.order.pricing.SellerOrderDraft;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Prices a cart now from the local copies and flags what changed since its lines were added; a customer's cart
 * shows what the coupons applied to it take off now ({@link CouponRedemptions#preview}, which consumes nothing).
 */
@Component
public class CartViews {

    private final CatalogCopies catalog;
    private final CouponRedemptions coupons;

    public CartViews(CatalogCopies catalog, CouponRedemptions coupons) {
        this.catalog = catalog;
        this.coupons = coupons;
    }

    /** The view of a guest who has no cart yet. */
    public static CartResponse none() {
        return new CartResponse(null, true, 0, 0, List.of(), List.of(), false, null, List.of(), null, List.of(),
                List.of(), null, null);
    }

    /**
     * The cart's buyable lines (those its subtotals count) as one draft per store, in the view's order: the draft
     * key is the store id, a line's key its line id. What coupons are priced against.
     */
    public static List<SellerOrderDraft> drafts(CartResponse view) {
        return drafts(view.stores());
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
        List<CartResponse.Line> all = groups.stream().flatMap(group -> group.lines().stream()).toList();
        Money subtotal = totals.size() == 1 ? totals.values().iterator().next() : null;
        List<String> codes = cart.isGuest() ? List.of() : coupons.codesOf(cart.id());
        Discounts discounts = codes.isEmpty() ? new Discounts(List.of(), List.of())
                : coupons.preview(cart.customerId().toString(), codes, drafts(groups));
        Money discount = subtotal == null ? null : discounts.sellerOrders().stream()
                .flatMap(order -> order.lines().values().stream())
                .filter(amount -> amount.currency().equals(subtotal.currency()))
                .reduce(Money.zero(subtotal.currency()), Money::plus);
        return new CartResponse(cart.id(), cart.isGuest(), cart.lines().size(), items, groups,
                List.copyOf(totals.values()), issues, cart.updatedAt(), all, subtotal, discounts.coupons(), codes,
                discount, subtotal == null ? null : subtotal.minus(discount));
    }

    private static List<SellerOrderDraft> drafts(List<CartResponse.StoreGroup> groups) {
        List<SellerOrderDraft> drafts = new ArrayList<>();
        for (CartResponse.StoreGroup group : groups) {
            List<SellerOrderDraft.Line> lines = group.lines().stream()
                    .filter(line -> line.lineTotal() != null
                            && line.flags().stream().noneMatch(LineFlag::blocksPurchase))
                    .map(line -> new SellerOrderDraft.Line(line.id().toString(), line.productId(), line.sku(),
                            line.quantity(), line.lineTotal()))
                    .toList();
            if (group.storeId() != null && !lines.isEmpty()) {
                drafts.add(new SellerOrderDraft(group.storeId(), group.storeId(), lines,
                        Money.zero(lines.getFirst().amount().currency())));
            }
        }
        return drafts;
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
