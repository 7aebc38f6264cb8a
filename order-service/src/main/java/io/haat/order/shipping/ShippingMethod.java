package io.haat.order.shipping;

import io.haat.events.Money;
import io.haat.order.pricing.DeliveryAddress;
import io.haat.order.pricing.ShippingQuote;
import io.haat.platform.domain.Transition;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One of a store's shipping methods, and the rules of quoting it.
 *
 * <table>
 *   <caption>Changes</caption>
 *   <tr><th>change</th><th>from</th><th>result</th></tr>
 *   <tr><td>{@link #edit}</td><td>any</td><td>the new terms, version + 1; the same terms: unchanged</td></tr>
 *   <tr><td>{@link #deactivate}</td><td>active</td><td>inactive, version + 1</td></tr>
 *   <tr><td>{@link #deactivate}</td><td>inactive</td><td>unchanged</td></tr>
 * </table>
 *
 * No change raises an event: nothing outside order-service follows shipping methods.
 */
public record ShippingMethod(UUID id, String storeId, ShippingTerms terms, long version, Instant createdAt,
                             Instant updatedAt) {

    /** Cheapest first, then the fastest (earliest latest day), then by name, then by id so the order is stable. */
    public static final Comparator<ShippingQuote> CHEAPEST_THEN_FASTEST = Comparator
            .comparingLong((ShippingQuote quote) -> quote.cost().amountMinor())
            .thenComparingInt(ShippingQuote::maxDays)
            .thenComparing(ShippingQuote::name)
            .thenComparing(ShippingQuote::methodId);

    public static ShippingMethod create(String storeId, ShippingTerms terms, Instant at) {
        return new ShippingMethod(UUID.randomUUID(), storeId, terms, 0, at, at);
    }

    public boolean active() {
        return terms.active();
    }

    public Transition<ShippingMethod> edit(ShippingTerms next, Instant at) {
        if (next.equals(terms)) {
            return Transition.unchanged(this);
        }
        return Transition.to(new ShippingMethod(id, storeId, next, version + 1, createdAt, at));
    }

    public Transition<ShippingMethod> deactivate(Instant at) {
        if (!active()) {
            return Transition.unchanged(this);
        }
        return Transition.to(new ShippingMethod(id, storeId, terms.withActive(false), version + 1, createdAt, at));
    }

    /**
     * What this method charges for a parcel of {@code weightGrams} to {@code address} with this merchandise
     * subtotal; empty when it does not serve the parcel: inactive, another area, another currency than the
     * merchandise, or a parcel too heavy to price in a {@code long} of minor units.
     */
    public Optional<ShippingQuote> quote(DeliveryAddress address, long weightGrams, Money merchandise) {
        if (!active() || !terms.currency().equals(merchandise.currency()) || !terms.area().serves(address)) {
            return Optional.empty();
        }
        Money cost;
        try {
            cost = terms.rate().cost(weightGrams, merchandise);
        } catch (ArithmeticException tooHeavy) {
            return Optional.empty();
        }
        return Optional.of(new ShippingQuote(id.toString(), terms.name(), cost, terms.minDays(), terms.maxDays()));
    }

    /** The quotes of the methods that serve the parcel, {@link #CHEAPEST_THEN_FASTEST}. */
    public static List<ShippingQuote> quotes(List<ShippingMethod> methods, DeliveryAddress address, long weightGrams,
                                             Money merchandise) {
        return methods.stream().flatMap(method -> method.quote(address, weightGrams, merchandise).stream())
                .sorted(CHEAPEST_THEN_FASTEST).toList();
    }
}
