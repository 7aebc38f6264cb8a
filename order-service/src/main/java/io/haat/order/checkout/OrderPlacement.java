package io.haat.order.checkout;

import io.haat.events.DomainEvent;
import io.haat.events.Money;
import io.haat.events.Topics;
import io.haat.events.orders.PaymentChoice;
import io.haat.events.payment.PaymentProvider;
import io.haat.order.cart.Cart;
import io.haat.order.cart.CartLine;
import io.haat.order.cart.CartRepository;
import io.haat.order.catalog.CatalogCopies;
import io.haat.order.catalog.Offer;
import io.haat.order.catalog.ProductVariantKey;
import io.haat.order.order.Order;
import io.haat.order.order.OrderItem;
import io.haat.order.order.OrderProperties;
import io.haat.order.order.OrderRepository;
import io.haat.order.order.SellerOrder;
import io.haat.order.order.SellerOrderState;
import io.haat.order.pricing.CouponRedemptions;
import io.haat.order.pricing.DeliveryAddress;
import io.haat.order.pricing.Discounts;
import io.haat.order.pricing.ParcelLine;
import io.haat.order.pricing.SellerOrderDiscount;
import io.haat.order.pricing.SellerOrderDraft;
import io.haat.order.pricing.ShippingQuote;
import io.haat.order.pricing.ShippingQuotes;
import io.haat.order.store.StoreCopies;
import io.haat.order.store.StoreInfo;
import io.haat.platform.domain.Transition;
import io.haat.platform.messaging.outbox.EventPublisher;
import io.haat.platform.web.UnprocessableException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checkout transaction: the customer's cart (locked, so one customer's checkouts run one at a time) is priced
 * again from the local copies, split per store, shipped ({@link ShippingQuotes}), discounted
 * ({@link CouponRedemptions#redeem}, consuming the coupon uses), and becomes one {@link Order} whose
 * {@code OrderPlaced} goes to the outbox; the cart's lines are cleared. All of it commits together, or nothing.
 * When the cart is not as the customer saw it, nothing is ordered and the cart's prices are brought up to date
 * (that part commits), so the customer sees them and the next checkout goes through.
 */
@Component
public class OrderPlacement {

    /** What the customer chose; {@code provider} is already parsed, {@code shippingMethods} by store id. */
    public record Choices(DeliveryAddress address, Map<String, String> shippingMethods, PaymentProvider provider,
                          Money cashOnDelivery, Money expectedTotal) {
    }

    private final CartRepository carts;
    private final CatalogCopies catalog;
    private final StoreCopies stores;
    private final ShippingQuotes shipping;
    private final CouponRedemptions coupons;
    private final OrderRepository orders;
    private final EventPublisher publisher;
    private final OrderProperties properties;
    private final Clock clock;

    public OrderPlacement(CartRepository carts, CatalogCopies catalog, StoreCopies stores, ShippingQuotes shipping,
                          CouponRedemptions coupons, OrderRepository orders, EventPublisher publisher,
                          OrderProperties properties, Clock clock) {
        this.carts = carts;
        this.catalog = catalog;
        this.stores = stores;
        this.shipping = shipping;
        this.coupons = coupons;
        this.orders = orders;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
    }

    /** A cart line priced now: its offer (today's price, store, stock). */
    private record Priced(CartLine line, Offer offer) {
        String key() {
            return line.productId() + "/" + line.sku();
        }

        Money amount() {
            return offer.price().times(line.quantity());
        }
    }

    @Transactional
    public CheckoutOutcome place(UUID customerId, Choices choices) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Cart cart = carts.lockOrCreateByCustomer(customerId, UUID.randomUUID(), now);
        if (cart.lines().isEmpty()) {
            throw new UnprocessableException("cart-empty", "Cart is empty", "There is nothing in the cart to order.");
        }
        requireWithinUnpaidLimits(customerId, cart);
        Map<ProductVariantKey, Offer> offers = catalog.offers(cart.lines().stream().map(CartLine::key).toList());
        List<CartChange> changes = new ArrayList<>();
        List<Priced> priced = new ArrayList<>();
        Map<String, Optional<StoreInfo>> storeInfo = new HashMap<>();
        for (CartLine line : cart.lines()) {
            Offer offer = offers.get(line.key());
            boolean storeClosed = offer != null && storeInfo
                    .computeIfAbsent(offer.storeId(), stores::find).map(store -> !store.selling()).orElse(false);
            if (offer == null || !offer.active() || storeClosed) {
                changes.add(new CartChange("UNAVAILABLE", line.id(), line.productId(), line.sku(), null, null, 0));
            } else if (offer.available() == 0) {
                changes.add(new CartChange("OUT_OF_STOCK", line.id(), line.productId(), line.sku(), null, null, 0));
            } else if (line.quantity() > offer.available()) {
                changes.add(new CartChange("INSUFFICIENT_STOCK", line.id(), line.productId(), line.sku(), null, null,
                        offer.available()));
            }
            if (offer != null) {
                priced.add(new Priced(line, offer));
                if (choices.expectedTotal() == null && !offer.price().equals(line.priceWhenAdded())) {
                    changes.add(new CartChange("PRICE_CHANGED", line.id(), line.productId(), line.sku(),
                            line.priceWhenAdded(), offer.price(), null));
                }
            }
        }
        Set<String> currencies = priced.stream().map(p -> p.offer().price().currency()).collect(Collectors.toSet());
        if (currencies.size() > 1) {
            throw new UnprocessableException("mixed-currencies", "Mixed currencies",
                    "One order is paid in one currency; this cart holds " + currencies + ".")
                    .with("currencies", currencies);
        }
        if (!changes.isEmpty()) {
            return changed(cart, priced, changes, now);
        }
        String currency = currencies.iterator().next();
        List<SellerOrderDraft> drafts = new ArrayList<>();
        Map<String, ShippingQuote> quotes = new HashMap<>();
        Map<String, List<Priced>> byStore = new LinkedHashMap<>();
        priced.forEach(p -> byStore.computeIfAbsent(p.offer().storeId(), s -> new ArrayList<>()).add(p));
        for (var store : byStore.entrySet()) {
            List<Priced> lines = store.getValue();
            Money merchandise = lines.stream().map(Priced::amount).reduce(Money::plus).orElseThrow();
            ShippingQuote quote = quote(store.getKey(), lines, merchandise, choices);
            String key = UUID.randomUUID().toString();
            quotes.put(key, quote);
            drafts.add(new SellerOrderDraft(key, store.getKey(), lines.stream()
                    .map(p -> new SellerOrderDraft.Line(p.key(), p.line().productId(), p.line().sku(),
                            p.line().quantity(), p.amount()))
                    .toList(), quote.cost()));
        }
        if (choices.expectedTotal() != null) {
            Discounts preview = coupons.preview(customerId.toString(), coupons.codesOf(cart.id()), drafts);
            Money expected = total(drafts, preview, currency);
            if (!expected.equals(choices.expectedTotal())) {
                changes.add(new CartChange("TOTAL_CHANGED", null, null, null, choices.expectedTotal(), expected,
                        null));
                return changed(cart, priced, changes, now);
            }
        }
        UUID orderId = UUID.randomUUID();
        Discounts discounts = coupons.redeem(orderId.toString(), customerId.toString(), cart.id(), drafts);
        List<SellerOrder> parts = sellerOrders(drafts, byStore, quotes, discounts, currency, now);
        Money total = parts.stream().map(SellerOrder::total).reduce(Money::plus).orElseThrow();
        PaymentChoice payment = paymentChoice(choices, total);
        Transition<Order> placed = Order.place(orderId, customerId, parts, choices.address(), payment,
                discounts.coupons(), properties.payment().window(), now);
        orders.insert(placed.state());
        for (DomainEvent event : placed.events()) {
            publisher.publish(Topics.ORDERS_ORDER, event, placed.state().version());
        }
        Transition<Cart> cleared = cart.clear(now);
        carts.save(cart, cleared.state(), now);
        return new CheckoutOutcome.Placed(placed.state());
    }

    /** Nothing is ordered; the lines' prices become today's (the 409 shows them), committed with this answer. */
    private CheckoutOutcome changed(Cart cart, List<Priced> priced, List<CartChange> changes, Instant now) {
        Map<ProductVariantKey, Money> prices = new HashMap<>();
        priced.forEach(p -> prices.put(p.line().key(), p.offer().price()));
        Transition<Cart> acknowledged = cart.acknowledgePrices(prices, now);
        if (acknowledged.changed()) {
            carts.save(cart, acknowledged.state(), now);
        }
        return new CheckoutOutcome.CartChanged(changes);
    }

    private void requireWithinUnpaidLimits(UUID customerId, Cart cart) {
        OrderRepository.Unpaid unpaid = orders.unpaidOf(customerId);
        OrderProperties.Checkout limits = properties.checkout();
        if (unpaid.orders() >= limits.maxUnpaidOrders()) {
            throw new UnprocessableException("unpaid-orders-limit", "Too many unpaid orders",
                    "You have " + unpaid.orders() + " orders waiting for payment; pay or cancel one first.")
                    .with("maxUnpaidOrders", limits.maxUnpaidOrders());
        }
        int units = cart.lines().stream().mapToInt(CartLine::quantity).sum();
        if (unpaid.units() + units > limits.maxUnpaidUnits()) {
            throw new UnprocessableException("unpaid-units-limit", "Too many unpaid units",
                    "Unpaid orders may hold at most " + limits.maxUnpaidUnits() + " units; you hold "
                            + unpaid.units() + " and this cart " + units + ".")
                    .with("maxUnpaidUnits", limits.maxUnpaidUnits());
        }
    }

    /** The customer's method for this store if it serves the address, else the cheapest that does. */
    private ShippingQuote quote(String storeId, List<Priced> lines, Money merchandise, Choices choices) {
        List<ShippingQuote> quotes = shipping.quote(storeId, choices.address(), lines.stream()
                        .map(p -> new ParcelLine(p.line().productId(), p.line().sku(), p.line().quantity())).toList(),
                merchandise).stream().filter(q -> q.cost().currency().equals(merchandise.currency())).toList();
        if (quotes.isEmpty()) {
            throw new UnprocessableException("no-shipping-method", "Cannot ship there",
                    "Store " + storeId + " has no shipping method that delivers to this address.")
                    .with("storeId", storeId);
        }
        String chosen = choices.shippingMethods().get(storeId);
        return quotes.stream().filter(q -> q.methodId().equals(chosen)).findFirst().orElse(quotes.getFirst());
    }

    private static Money total(List<SellerOrderDraft> drafts, Discounts discounts, String currency) {
        Money total = Money.zero(currency);
        for (int i = 0; i < drafts.size(); i++) {
            total = total.plus(drafts.get(i).merchandise()).plus(drafts.get(i).shipping())
                    .minus(discountOf(drafts.get(i), discounts, currency).total());
        }
        return total;
    }

    private static SellerOrderDiscount discountOf(SellerOrderDraft draft, Discounts discounts, String currency) {
        Money zero = Money.zero(currency);
        return discounts.sellerOrders().stream().filter(d -> d.key().equals(draft.key())).findFirst()
                .orElse(new SellerOrderDiscount(draft.key(), zero, zero, Map.of(), zero));
    }

    private List<SellerOrder> sellerOrders(List<SellerOrderDraft> drafts, Map<String, List<Priced>> byStore,
                                           Map<String, ShippingQuote> quotes, Discounts discounts, String currency,
                                           Instant now) {
        Money zero = Money.zero(currency);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<SellerOrder> parts = new ArrayList<>();
        for (SellerOrderDraft draft : drafts) {
            SellerOrderDiscount discount = discountOf(draft, discounts, currency);
            List<OrderItem> items = byStore.get(draft.storeId()).stream()
                    .map(p -> new OrderItem(p.line().productId(), p.line().sku(), p.offer().name(),
                            p.line().quantity(), p.offer().price(), discount.lines().getOrDefault(p.key(), zero)))
                    .toList();
            ShippingQuote quote = quotes.get(draft.key());
            Money shippingDiscount = discount.shipping() == null ? zero : discount.shipping();
            parts.add(new SellerOrder(UUID.fromString(draft.key()), draft.storeId(),
                    byStore.get(draft.storeId()).getFirst().offer().sellerId(), SellerOrderState.PENDING, items,
                    draft.shipping(), shippingDiscount, discount.sellerFunded(), discount.platformFunded(),
                    new SellerOrder.ShippingChoice(quote.methodId(), quote.name(), today.plusDays(quote.minDays()),
                            today.plusDays(Math.max(quote.minDays(), quote.maxDays()))),
                    null));
        }
        return parts;
    }

    /**
     * The payment choice for this total: CASH_ON_DELIVERY pays all of it in cash; another provider pays online
     * what {@code cashOnDelivery} leaves (which must leave something, unless there is nothing to pay).
     */
    private static PaymentChoice paymentChoice(Choices choices, Money total) {
        Money cash = choices.cashOnDelivery();
        if (cash != null && !cash.currency().equals(total.currency())) {
            throw split("cashOnDelivery is in " + cash.currency() + "; the order is in " + total.currency() + ".");
        }
        if (choices.provider() == PaymentProvider.CASH_ON_DELIVERY) {
            if (cash != null && !cash.equals(total)) {
                throw split("Cash on delivery pays the whole total " + total.amountMinor() + ".");
            }
            return new PaymentChoice(choices.provider(), total);
        }
        Money inCash = cash == null ? Money.zero(total.currency()) : cash;
        if (inCash.amountMinor() > 0 && inCash.amountMinor() >= total.amountMinor()) {
            throw split("cashOnDelivery must leave part of the total " + total.amountMinor() + " to pay online; "
                    + "choose COD to pay all of it in cash.");
        }
        return new PaymentChoice(choices.provider(), inCash);
    }

    private static UnprocessableException split(String detail) {
        return (UnprocessableException) new UnprocessableException("invalid-payment-split", "Invalid payment split",
                detail).with("field", "cashOnDelivery");
    }
}
