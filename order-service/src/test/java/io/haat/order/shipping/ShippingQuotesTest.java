package io.haat.order.shipping;

import static io.haat.order.shipping.ShippingBodies.byWeight;
import static io.haat.order.shipping.ShippingBodies.flat;
import static io.haat.order.shipping.ShippingBodies.freeOver;
import static io.haat.order.shipping.ShippingBodies.in;
import static io.haat.order.shipping.ShippingBodies.region;
import static io.haat.order.shipping.ShippingBodies.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.Money;
import io.haat.events.catalog.ProductChanged;
import io.haat.events.catalog.ProductStatus;
import io.haat.order.OrderIntegrationTest;
import io.haat.order.catalog.CatalogCopies;
import io.haat.order.catalog.ProductVariantKey;
import io.haat.order.pricing.DeliveryAddress;
import io.haat.order.pricing.ParcelLine;
import io.haat.order.pricing.ShippingQuote;
import io.haat.order.pricing.ShippingQuotes;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link ShippingQuotes} as checkout calls it: the store's methods as its seller set them over HTTP, the parcel
 * weighed from the catalog copy that {@code ProductChanged} events keep.
 */
class ShippingQuotesTest extends OrderIntegrationTest {

    private static final DeliveryAddress KATHMANDU = address("Bagmati");
    private static final DeliveryAddress POKHARA = address("Gandaki");

    @Autowired
    ShippingQuotes quotes;
    @Autowired
    CatalogCopies catalog;

    private static DeliveryAddress address(String province) {
        return new DeliveryAddress("Sita", "+9779800000000", "Street 1", null, "City", province, "44600", "NP");
    }

    private static ProductChanged.Variant variant(String sku, long price, Integer grams) {
        return new ProductChanged.Variant(sku, npr(price), null, grams);
    }

    private String method(User seller, String storeId, Map<String, Object> body) {
        Response response = call("POST", "/stores/" + storeId + "/shipping-methods", seller.token(), body);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body().path("id").asString();
    }

    @Test
    void theCopyKeepsEachVariantsWeightAndLearnsOneGivenLater() {
        Product tea = product("Tea");
        publishVariants(tea, 1, ProductStatus.ACTIVE, List.of(variant("TEA-1KG", 90_000, 1_000),
                variant("TEA-SAMPLE", 500, null)));
        Product mug = product("Mug");
        publish(mug, 1, ProductStatus.ACTIVE, "MUG-1", npr(70_000)); // as catalog sent it before weights
        ProductVariantKey kilo = new ProductVariantKey(tea.id(), "TEA-1KG");
        ProductVariantKey sample = new ProductVariantKey(tea.id(), "TEA-SAMPLE");
        ProductVariantKey mugKey = new ProductVariantKey(mug.id(), "MUG-1");

        assertThat(catalog.weights(List.of(kilo, sample, mugKey))).containsExactly(Map.entry(kilo, 1_000));

        publishVariants(tea, 2, ProductStatus.ACTIVE, List.of(variant("TEA-1KG", 90_000, 1_050),
                variant("TEA-SAMPLE", 500, 20)));
        publishVariants(tea, 1, ProductStatus.ACTIVE, List.of(variant("TEA-1KG", 90_000, 1)));
        assertThat(catalog.weights(List.of(kilo, sample, mugKey)))
                .as("the newer snapshot's weights; the late older one changed nothing")
                .containsOnly(Map.entry(kilo, 1_050), Map.entry(sample, 20));
        assertThat(catalog.offer(tea.id(), "TEA-SAMPLE")).isPresent();
    }

    @Test
    void theMethodsThatServeTheAddressArePricedForTheParcelCheapestFirst() {
        User seller = user("SELLER");
        String storeId = storeOf(seller);
        Product tea = product("Tea");
        publishVariants(tea, 1, ProductStatus.ACTIVE, List.of(variant("TEA-1200", 60_000, 1_200),
                variant("TEA-LOOSE", 30_000, null)));
        // 2 × 1,200 g + 1 × the default 500 g + 1 × an SKU the copy does not know (500 g) = 3,400 g: 4 started kg
        List<ParcelLine> parcel = List.of(new ParcelLine(tea.id(), "TEA-1200", 2),
                new ParcelLine(tea.id(), "TEA-LOOSE", 1), new ParcelLine(UUID.randomUUID().toString(), "NEW", 1));

        String courier = method(seller, storeId, byWeight("Courier", 5_000, 2_000));
        String valley = method(seller, storeId, in(with(with(flat("Valley rider", 12_000), "minDays", 0),
                "maxDays", 1), List.of(region("NP", "bagmati"))));
        String free = method(seller, storeId, freeOver("Free over 2,000", 200_000, 15_000));
        method(seller, storeId, with(flat("Dollar post", 1), "currency", "USD"));
        String retired = method(seller, storeId, flat("Retired", 0));
        assertThat(delete("/stores/" + storeId + "/shipping-methods/" + retired, seller.token()).status())
                .isEqualTo(204);
        String abroad = method(seller, storeId, in(flat("Abroad", 0), List.of(region("IN"))));

        Money below = npr(150_000);
        assertThat(quotes.quote(storeId, KATHMANDU, parcel, below)).containsExactly(
                new ShippingQuote(valley, "Valley rider", npr(12_000), 0, 1),
                new ShippingQuote(courier, "Courier", npr(13_000), 2, 4),
                new ShippingQuote(free, "Free over 2,000", npr(15_000), 2, 4));

        assertThat(quotes.quote(storeId, POKHARA, parcel, npr(200_000))).extracting(ShippingQuote::methodId)
                .as("free from the threshold on; the valley rider does not go to Gandaki")
                .containsExactly(free, courier);
        assertThat(quotes.quote(storeId, POKHARA, parcel, new Money(200_000, "USD")))
                .extracting(ShippingQuote::name).containsExactly("Dollar post");
        DeliveryAddress delhi = new DeliveryAddress("Ravi", "+919800000000", "Road 2", null, "Delhi", "Delhi", "110001",
                "IN");
        assertThat(quotes.quote(storeId, delhi, parcel, below)).extracting(ShippingQuote::methodId)
                .containsExactly(abroad, courier, free);
        assertThat(quotes.quote(storeOf(user("SELLER")), KATHMANDU, parcel, below)).as("a store without methods")
                .isEmpty();
    }
}
