package io.haat.order.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.events.Money;
import io.haat.order.pricing.DeliveryAddress;
import io.haat.order.pricing.ShippingQuote;
import io.haat.platform.domain.Transition;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pricing rules of shipping methods, the regions they serve, the order of quotes, and the change table. */
class ShippingMethodTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final DeliveryAddress KATHMANDU = address("NP", "Bagmati");
    private static final DeliveryAddress POKHARA = address("NP", "Gandaki");
    private static final DeliveryAddress DELHI = address("IN", "Delhi");

    private static DeliveryAddress address(String country, String province) {
        return new DeliveryAddress("Sita", "+9779800000000", "Street 1", null, "City", province, "44600", country);
    }

    private static Money npr(long minor) {
        return new Money(minor, "NPR");
    }

    private static ShippingMethod method(String name, ShippingRate rate, int minDays, int maxDays, ShippingArea area) {
        return ShippingMethod.create("store-1", new ShippingTerms(name, rate, minDays, maxDays, area, true), NOW);
    }

    private static ShippingMethod everywhere(String name, ShippingRate rate) {
        return method(name, rate, 2, 5, ShippingArea.anywhere());
    }

    private static Money cost(ShippingMethod method, long grams, Money merchandise) {
        return method.quote(KATHMANDU, grams, merchandise).orElseThrow().cost();
    }

    @Test
    void aFlatRateIsTheSameForEveryParcel() {
        ShippingMethod flat = everywhere("Standard", new ShippingRate.Flat(npr(10_000)));

        assertThat(cost(flat, 0, npr(1))).isEqualTo(npr(10_000));
        assertThat(cost(flat, 25_000, npr(9_999_999))).isEqualTo(npr(10_000));
    }

    @Test
    void byWeightChargesTheBasePlusEveryStartedKilogram() {
        ShippingMethod byWeight = everywhere("Courier", new ShippingRate.ByWeight(npr(5_000), npr(2_000)));

        assertThat(cost(byWeight, 0, npr(100))).as("nothing to weigh").isEqualTo(npr(5_000));
        assertThat(cost(byWeight, 1, npr(100))).as("1 g starts a kg").isEqualTo(npr(7_000));
        assertThat(cost(byWeight, 1_000, npr(100))).as("exactly 1 kg").isEqualTo(npr(7_000));
        assertThat(cost(byWeight, 1_001, npr(100))).as("1 g into the second kg").isEqualTo(npr(9_000));
        assertThat(cost(byWeight, 2_500, npr(100))).isEqualTo(npr(11_000));
    }

    @Test
    void freeOverIsFreeFromTheThresholdOnAndChargesItsFeeBelow() {
        ShippingMethod freeOver = everywhere("Free over 2,000", new ShippingRate.FreeOver(npr(200_000), npr(15_000)));

        assertThat(cost(freeOver, 500, npr(199_999))).as("1 paisa below").isEqualTo(npr(15_000));
        assertThat(cost(freeOver, 500, npr(200_000))).as("exactly at the threshold").isEqualTo(npr(0));
        assertThat(cost(freeOver, 500, npr(200_001))).as("above").isEqualTo(npr(0));
    }

    @Test
    void regionsServeTheirCountryOrOnlyTheListedProvincesWhateverTheCase() {
        ShippingMethod bagmatiOnly = method("Valley", new ShippingRate.Flat(npr(5_000)), 1, 2,
                ShippingArea.of(List.of(new ShippingRegion("NP", List.of("Bagmati", "Lumbini")))));
        ShippingMethod nepal = method("Nepal", new ShippingRate.Flat(npr(5_000)), 1, 2,
                ShippingArea.of(List.of(new ShippingRegion("NP", List.of()))));
        ShippingMethod world = everywhere("World", new ShippingRate.Flat(npr(5_000)));

        assertThat(bagmatiOnly.quote(KATHMANDU, 0, npr(1))).isPresent();
        assertThat(bagmatiOnly.quote(address("np", "  bagmati "), 0, npr(1))).as("case and spaces").isPresent();
        assertThat(bagmatiOnly.quote(POKHARA, 0, npr(1))).isEmpty();
        assertThat(bagmatiOnly.quote(address("NP", null), 0, npr(1))).as("no province given").isEmpty();
        assertThat(bagmatiOnly.quote(address("IN", "Bagmati"), 0, npr(1))).as("another country").isEmpty();
        assertThat(nepal.quote(POKHARA, 0, npr(1))).isPresent();
        assertThat(nepal.quote(address("NP", null), 0, npr(1))).isPresent();
        assertThat(nepal.quote(DELHI, 0, npr(1))).isEmpty();
        assertThat(world.quote(DELHI, 0, npr(1))).isPresent();
    }

    @Test
    void aMethodOfAnotherCurrencyOrAnInactiveOneDoesNotServe() {
        ShippingMethod dollars = everywhere("USD", new ShippingRate.Flat(new Money(500, "USD")));
        ShippingMethod off = everywhere("Off", new ShippingRate.Flat(npr(1))).deactivate(NOW).state();

        assertThat(dollars.quote(KATHMANDU, 0, npr(10_000))).isEmpty();
        assertThat(dollars.quote(KATHMANDU, 0, new Money(10_000, "USD"))).isPresent();
        assertThat(off.quote(KATHMANDU, 0, npr(10_000))).isEmpty();
    }

    @Test
    void aParcelTooHeavyToPriceIsNotServedRatherThanOverflowing() {
        ShippingMethod byWeight = everywhere("Heavy", new ShippingRate.ByWeight(npr(0), npr(100_000_000_000L)));

        assertThat(byWeight.quote(KATHMANDU, Long.MAX_VALUE / 2, npr(1))).isEmpty();
    }

    @Test
    void quotesAreCheapestFirstThenFastestThenByName() {
        ShippingMethod slowCheap = method("Post", new ShippingRate.Flat(npr(3_000)), 5, 10, ShippingArea.anywhere());
        ShippingMethod fastCheap = method("Rider", new ShippingRate.Flat(npr(3_000)), 1, 2, ShippingArea.anywhere());
        ShippingMethod fastCheapToo = method("Bike", new ShippingRate.Flat(npr(3_000)), 0, 2, ShippingArea.anywhere());
        ShippingMethod dear = method("Express", new ShippingRate.Flat(npr(9_000)), 0, 1, ShippingArea.anywhere());
        ShippingMethod free = method("Free", new ShippingRate.FreeOver(npr(1_000), npr(50_000)), 7, 14,
                ShippingArea.anywhere());
        ShippingMethod elsewhere = method("India", new ShippingRate.Flat(npr(1)), 1, 1,
                ShippingArea.of(List.of(new ShippingRegion("IN", List.of()))));

        List<ShippingQuote> quotes = ShippingMethod.quotes(
                List.of(dear, slowCheap, elsewhere, fastCheap, free, fastCheapToo), KATHMANDU, 800, npr(5_000));

        assertThat(quotes).extracting(ShippingQuote::name)
                .containsExactly("Free", "Bike", "Rider", "Post", "Express");
        assertThat(quotes.getFirst()).isEqualTo(new ShippingQuote(free.id().toString(), "Free", npr(0), 7, 14));
    }

    @Test
    void editingToOtherTermsIsANewVersionAndToTheSameTermsNothing() {
        ShippingMethod method = everywhere("Standard", new ShippingRate.Flat(npr(10_000)));
        ShippingTerms cheaper = new ShippingTerms("Standard", new ShippingRate.Flat(npr(8_000)), 2, 5,
                ShippingArea.anywhere(), true);

        Transition<ShippingMethod> edited = method.edit(cheaper, NOW.plusSeconds(60));
        assertThat(edited.changed()).isTrue();
        assertThat(edited.events()).isEmpty();
        assertThat(edited.state().terms()).isEqualTo(cheaper);
        assertThat(edited.state().version()).isEqualTo(1);
        assertThat(edited.state().updatedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(edited.state().createdAt()).isEqualTo(NOW);

        Transition<ShippingMethod> same = method.edit(method.terms(), NOW.plusSeconds(60));
        assertThat(same.changed()).isFalse();
        assertThat(same.state()).isSameAs(method);
    }

    @Test
    void deactivatingIsANewVersionOnceAndThenAlreadyThere() {
        ShippingMethod method = everywhere("Standard", new ShippingRate.Flat(npr(10_000)));

        Transition<ShippingMethod> off = method.deactivate(NOW.plusSeconds(1));
        assertThat(off.state().active()).isFalse();
        assertThat(off.state().version()).isEqualTo(1);
        assertThat(off.events()).isEmpty();

        Transition<ShippingMethod> again = off.state().deactivate(NOW.plusSeconds(2));
        assertThat(again.changed()).isFalse();
        assertThat(again.state()).isSameAs(off.state());
    }

    @Test
    void termsRefuseWhatTheRequestValidationAlreadyKeepsOut() {
        ShippingRate flat = new ShippingRate.Flat(npr(1));
        assertThatThrownBy(() -> new ShippingTerms("X", flat, 3, 2, ShippingArea.anywhere(), true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ShippingTerms("X", flat, 0, 61, ShippingArea.anywhere(), true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ShippingArea(true, List.of(new ShippingRegion("NP", List.of()))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShippingArea.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ShippingRate.ByWeight(npr(1), new Money(1, "USD")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
