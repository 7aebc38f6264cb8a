package io.haat.seller;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The journey against the service itself: apply, approval, two stores, stock, a low-stock alert. */
class SellerJourneyTest extends SellerIntegrationTest {

    @Test
    void aSellerGoesFromApplicationToALowStockAlert() {
        User user = user("SELLER");
        Response applied = post("/sellers/apply", user.token(), Map.of("businessName", "Everest Outfitters",
                "taxId", "PAN-601234567", "businessAddress", Map.of("line1", "Lakeside", "city", "Pokhara",
                        "country", "NP")));
        assertThat(applied.status()).isEqualTo(201);
        assertThat(applied.body().path("status").asString()).isEqualTo("PENDING");
        String sellerId = applied.body().path("id").asString();

        Response approved = post("/admin/sellers/" + sellerId + "/approve", admin().token(), null);
        assertThat(approved.body().path("status").asString()).isEqualTo("APPROVED");

        String jackets = post("/stores", user.token(), Map.of("name", "Everest Jackets")).body().path("id").asString();
        String boots = post("/stores", user.token(), Map.of("name", "Everest Boots")).body().path("id").asString();
        assertThat(get("/stores/mine", user.token()).body().path("items").findValuesAsString("id"))
                .containsExactly(jackets, boots);

        Response stock = put("/stores/" + jackets + "/inventory/JKT-M-RED", user.token(),
                Map.of("quantity", 12, "lowStockThreshold", 5));
        assertThat(stock.status()).isEqualTo(200);
        assertThat(stock.body().path("available").asInt()).isEqualTo(12);
        assertThat(get("/stores/" + jackets + "/inventory/alerts", user.token()).body().path("items")).isEmpty();

        Response sold = put("/stores/" + jackets + "/inventory/JKT-M-RED", user.token(),
                Map.of("adjustBy", -8, "reason", "sold at the fair"));
        assertThat(sold.body().path("available").asInt()).isEqualTo(4);
        Response alerts = get("/stores/" + jackets + "/inventory/alerts", user.token());
        assertThat(alerts.body().path("items")).hasSize(1);
        assertThat(alerts.body().path("items").get(0).path("sku").asString()).isEqualTo("JKT-M-RED");
        assertThat(get("/stores/" + boots + "/inventory/alerts", user.token()).body().path("items")).isEmpty();
    }
}
