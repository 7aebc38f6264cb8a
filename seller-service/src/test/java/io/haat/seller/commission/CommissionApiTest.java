package io.haat.seller.commission;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.Topics;
import io.haat.seller.SellerIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CommissionApiTest extends SellerIntegrationTest {

    @Test
    void thePlatformDefaultIsSeededAndCanBeChanged() {
        String admin = admin().token();
        Response seeded = get("/admin/commissions/default", admin);
        assertThat(seeded.status()).isEqualTo(200);
        assertThat(seeded.body().path("effective")).isNotEmpty();

        Instant later = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Response scheduled = put("/admin/commissions/default", admin, Map.of("basisPoints", 1250,
                "effectiveFrom", later.toString()));
        assertThat(scheduled.status()).isEqualTo(200);
        // scheduled, not yet in force
        assertThat(scheduled.body().path("effective").findValuesAsString("id"))
                .doesNotContain(scheduled.body().path("rules").get(0).path("id").asString());
        JsonNode rule = scheduled.body().path("rules").get(0);
        assertThat(rule.path("basisPoints").asInt()).isEqualTo(1250);
        assertThat(Instant.parse(rule.path("effectiveFrom").asString())).isEqualTo(later);
        assertThat(published(Topics.SELLER_COMMISSION, "CommissionChanged", rule.path("id").asString()))
                .singleElement().satisfies(e -> {
                    assertThat(e.path("scope").asString()).isEqualTo("DEFAULT");
                    assertThat(e.path("basisPoints").asInt()).isEqualTo(1250);
                });
    }

    @Test
    void storeRulesBeatSellerRulesWhichBeatTheDefaultAndCategoriesAreMoreSpecific() {
        SellerAccount seller = approvedSeller();
        String storeA = createStore(seller, "Commission A");
        String storeB = createStore(seller, "Commission B");
        String admin = admin().token();

        Response sellerRule = put("/admin/commissions/sellers/" + seller.sellerId(), admin,
                Map.of("basisPoints", 800, "minimumFee", Map.of("amountMinor", 1000, "currency", "NPR"),
                        "maximumFee", Map.of("amountMinor", 50000, "currency", "NPR")));
        assertThat(sellerRule.status()).isEqualTo(200);
        assertThat(sellerRule.body().path("effective").get(0).path("basisPoints").asInt()).isEqualTo(800);
        put("/admin/commissions/stores/" + storeA, admin, Map.of("basisPoints", 500));
        put("/admin/commissions/stores/" + storeA, admin, Map.of("basisPoints", 300, "categoryId", "books"));

        assertThat(applicable(admin, storeA, null, 100_000).path("rule").path("basisPoints").asInt()).isEqualTo(500);
        assertThat(applicable(admin, storeA, "books", 100_000).path("rule").path("basisPoints").asInt()).isEqualTo(300);
        JsonNode sellerLevel = applicable(admin, storeB, "books", 100_000);
        assertThat(sellerLevel.path("rule").path("scope").asString()).isEqualTo("SELLER");
        assertThat(sellerLevel.path("exampleFee").path("amountMinor").asLong()).isEqualTo(8_000);
        // bounds: 8 % of 5,000 is 400, raised to the minimum of 1,000
        assertThat(applicable(admin, storeB, null, 5_000).path("exampleFee").path("amountMinor").asLong())
                .isEqualTo(1_000);

        Response storeSettings = get("/admin/commissions/stores/" + storeA, admin);
        assertThat(storeSettings.body().path("effective")).hasSize(2);
        assertThat(storeSettings.body().path("effective").get(0).path("categoryId").isNull()).isTrue();
        assertThat(published(Topics.AUDIT_EVENTS, "AuditRecorded", "commission:STORE:" + storeA)).hasSize(2);
    }

    @Test
    void invalidCommissionSettingsAreRejected() {
        String admin = admin().token();
        SellerAccount seller = approvedSeller();
        String path = "/admin/commissions/sellers/" + seller.sellerId();

        assertThat(put(path, admin, Map.of("basisPoints", 10_001)).status()).isEqualTo(400);
        assertThat(put(path, admin, Map.of()).status()).isEqualTo(400);
        assertThat(put(path, admin, Map.of("basisPoints", 100, "effectiveFrom", "2001-01-01T00:00:00Z")).status())
                .isEqualTo(400);
        assertThat(put(path, admin, Map.of("basisPoints", 100,
                "minimumFee", Map.of("amountMinor", 500, "currency", "NPR"),
                "maximumFee", Map.of("amountMinor", 100, "currency", "NPR"))).status()).isEqualTo(400);
        assertThat(put(path, admin, Map.of("basisPoints", 100,
                "minimumFee", Map.of("amountMinor", 500, "currency", "nope"))).status()).isEqualTo(400);
        assertThat(put("/admin/commissions/sellers/" + UUID.randomUUID(), admin, Map.of("basisPoints", 100)).status())
                .isEqualTo(404);
        assertThat(put("/admin/commissions/stores/" + UUID.randomUUID(), admin, Map.of("basisPoints", 100)).status())
                .isEqualTo(404);
        assertThat(get(path, admin).body().path("rules")).isEmpty();
    }

    @Test
    void onlyAdminsManageCommissions() {
        SellerAccount seller = approvedSeller();
        String path = "/admin/commissions/sellers/" + seller.sellerId();
        assertThat(get(path, null).status()).isEqualTo(401);
        assertThat(get(path, seller.token()).status()).isEqualTo(403);
        assertThat(put(path, seller.token(), Map.of("basisPoints", 0)).status()).isEqualTo(403);
        assertThat(put("/admin/commissions/default", user("CUSTOMER").token(), Map.of("basisPoints", 0)).status())
                .isEqualTo(403);
    }

    @Test
    void otherServicesMayAskWhichRuleAppliesAndNothingElse() {
        String storeId = createStore(approvedSeller(), "Commission C");
        String service = JWTS.builder().subject(UUID.randomUUID().toString())
                .claim("azp", "haat-services").sign();
        String userCallingItselfService = JWTS.builder()
                .subject(UUID.randomUUID().toString()).roles("SERVICE").sign();

        assertThat(applicable(service, storeId, null, 10_000).path("rule").path("basisPoints").isInt()).isTrue();
        assertThat(get("/admin/commissions/applicable?storeId=" + storeId, userCallingItselfService).status())
                .as("a realm role named SERVICE is not a service token").isEqualTo(403);
        assertThat(get("/admin/commissions/applicable?storeId=" + storeId, user("SELLER").token()).status())
                .isEqualTo(403);
        assertThat(get("/admin/commissions/default", service).status()).isEqualTo(403);
        assertThat(put("/admin/commissions/default", service, Map.of("basisPoints", 0)).status()).isEqualTo(403);
    }

    private JsonNode applicable(String admin, String storeId, String categoryId, long amount) {
        Response response = get("/admin/commissions/applicable?storeId=" + storeId + "&amountMinor=" + amount
                + (categoryId == null ? "" : "&categoryId=" + categoryId), admin);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }
}
