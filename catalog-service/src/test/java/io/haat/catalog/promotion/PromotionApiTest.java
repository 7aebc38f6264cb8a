package io.haat.catalog.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.catalog.Api;
import io.haat.catalog.CatalogTest;
import io.haat.test.image.TestImages;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Promotions and banners: admin CRUD, scheduling, placement, targets, image; what is live now. */
class PromotionApiTest extends CatalogTest {

    private Map<String, Object> promotion(String title, String placement, Map<String, Object> target, Instant starts,
                                          Instant ends, int priority) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("placement", placement);
        body.put("target", target);
        body.put("startsAt", starts.toString());
        body.put("endsAt", ends.toString());
        body.put("priority", priority);
        return body;
    }

    private List<String> activeTitles(String query) {
        return api.get("/promotions/active" + query, null).json().valueStream().map(p -> p.get("title").asString())
                .toList();
    }

    @Test
    void onlyEnabledPromotionsWithinTheirScheduleAreActiveHighestPriorityFirst() {
        Instant now = Instant.now();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> url = Map.of("type", "URL", "url", "https://haat.example/sale");
        String categoryId = category("Sale");
        Api.Response live = api.post("/admin/promotions", admin(), promotion("Live " + tag, "HOME_HERO",
                Map.of("type", "CATEGORY", "id", categoryId), now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)), 5));
        assertThat(live.status()).as(live.toString()).isEqualTo(201);
        assertThat(live.json().get("link").asString()).isEqualTo("/categories/" + categoryId);
        api.post("/admin/promotions", admin(), promotion("Top " + tag, "HOME_HERO", url,
                now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(1)), 9));
        api.post("/admin/promotions", admin(), promotion("Future " + tag, "HOME_HERO", url,
                now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)), 9));
        api.post("/admin/promotions", admin(), promotion("Past " + tag, "HOME_HERO", url,
                now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)), 9));
        Map<String, Object> disabled = promotion("Off " + tag, "HOME_HERO", url, now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofHours(1)), 9);
        disabled.put("enabled", false);
        api.post("/admin/promotions", admin(), disabled);
        api.post("/admin/promotions", admin(), promotion("Cart " + tag, "CART_BANNER", url,
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)), 1));

        List<String> hero = activeTitles("?placement=HOME_HERO").stream().filter(t -> t.endsWith(tag)).toList();
        assertThat(hero).containsExactly("Top " + tag, "Live " + tag);
        assertThat(activeTitles("")).contains("Cart " + tag).doesNotContain("Future " + tag, "Past " + tag, "Off " + tag);
        assertThat(api.get("/promotions/active?placement=NOWHERE", null).status()).isEqualTo(400);
    }

    @Test
    void adminsEditDeleteAndGiveABannerImage() {
        Instant now = Instant.now();
        Seller seller = approvedSellerWithStore();
        String productId = activeProduct(seller, category("Deals"), "Deal", 100).get("id").asString();
        Map<String, Object> body = promotion("Deal of the day", "HOME_BANNER", Map.of("type", "PRODUCT", "id", productId),
                now.minusSeconds(60), now.plusSeconds(3600), 1);
        JsonNode created = api.post("/admin/promotions", admin(), body).json();
        String id = created.get("id").asString();
        assertThat(created.get("live").asBoolean()).isTrue();

        Api.Response image = api.upload("/admin/promotions/" + id + "/image", admin(), "banner.png", "image/png",
                TestImages.png(1600, 400));
        assertThat(image.status()).as(image.toString()).isEqualTo(200);
        String imageUrl = image.json().get("image").get("url").asString();
        assertThat(api.get(imageUrl.substring(imageUrl.indexOf("/images/")), null).status()).isEqualTo(200);

        body.put("title", "Deal of the week");
        Api.Response edited = api.put("/admin/promotions/" + id, admin(), body, "If-Match", "\"1\"");
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().get("title").asString()).isEqualTo("Deal of the week");
        assertThat(edited.json().get("image").isNull()).as("the image survives an edit").isFalse();
        assertThat(api.put("/admin/promotions/" + id, admin(), body, "If-Match", "\"1\"").status()).isEqualTo(412);

        assertThat(api.delete("/admin/promotions/" + id, admin()).status()).isEqualTo(204);
        assertThat(api.get("/admin/promotions/" + id, admin()).status()).isEqualTo(404);
        assertThat(activeTitles("")).doesNotContain("Deal of the week");
    }

    @Test
    void invalidSchedulesAndTargetsAreRefusedAndOnlyAdminsManage() {
        Instant now = Instant.now();
        Map<String, Object> url = Map.of("type", "URL", "url", "https://haat.example");
        Api.Response backwards = api.post("/admin/promotions", admin(), promotion("X", "HOME_HERO", url,
                now.plusSeconds(60), now, 0));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("errors").get(0).get("field").asString()).isEqualTo("endsAt");
        assertThat(api.post("/admin/promotions", admin(), promotion("X", "HOME_HERO",
                Map.of("type", "URL", "url", "javascript:alert(1)"), now, now.plusSeconds(60), 0)).status()).isEqualTo(400);
        assertThat(api.post("/admin/promotions", admin(), promotion("X", "HOME_HERO",
                Map.of("type", "PRODUCT", "id", "missing"), now, now.plusSeconds(60), 0)).status()).isEqualTo(400);
        assertThat(api.post("/admin/promotions", admin(), promotion("X", "NOWHERE", url, now, now.plusSeconds(60), 0))
                .status()).isEqualTo(400);

        Map<String, Object> valid = promotion("X", "HOME_HERO", url, now, now.plusSeconds(60), 0);
        assertThat(api.post("/admin/promotions", null, valid).status()).isEqualTo(401);
        assertThat(api.post("/admin/promotions", customer("c"), valid).status()).isEqualTo(403);
        assertThat(api.get("/admin/promotions", approvedSellerWithStore().token()).status()).isEqualTo(403);
        assertThat(api.get("/admin/promotions", admin()).status()).isEqualTo(200);
    }
}
