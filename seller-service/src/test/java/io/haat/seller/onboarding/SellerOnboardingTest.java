package io.haat.seller.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.haat.events.EventEnvelope;
import io.haat.events.Topics;
import io.haat.events.identity.UserBanned;
import io.haat.events.identity.UserUnbanned;
import io.haat.seller.SellerIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

class SellerOnboardingTest extends SellerIntegrationTest {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Test
    void aSellerAppliesAndSeesTheApplicationPending() {
        User user = user("SELLER");
        Response applied = post("/sellers/apply", user.token(), application("Himalayan Tea House"));

        assertThat(applied.status()).isEqualTo(201);
        assertThat(applied.body().path("status").asString()).isEqualTo("PENDING");
        assertThat(applied.body().path("businessName").asString()).isEqualTo("Himalayan Tea House");
        // contact email defaults to the token's email, legal name to the business name
        assertThat(applied.body().path("contactEmail").asString()).endsWith("@shop.test");
        assertThat(applied.body().path("legalName").asString()).isEqualTo("Himalayan Tea House");

        Response me = get("/sellers/me", user.token());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().path("id").asString()).isEqualTo(applied.body().path("id").asString());

        String sellerId = applied.body().path("id").asString();
        assertThat(published(Topics.SELLER_SELLER, "SellerStatusChanged", sellerId))
                .extracting(e -> e.path("status").asString()).containsExactly("PENDING");
        assertThat(published(Topics.AUDIT_EVENTS, "AuditRecorded", "seller:" + sellerId))
                .extracting(e -> e.path("action").asString()).containsExactly("seller.apply");
    }

    @Test
    void applyingTwiceIsAConflictAndNoApplicationIsNotFound() {
        SellerAccount seller = appliedSeller();
        Response again = post("/sellers/apply", seller.token(), application("Second Try"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemType()).endsWith("/seller-application-exists");

        Response none = get("/sellers/me", user("SELLER").token());
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void invalidApplicationsAreRejectedWithFieldErrors() {
        User user = user("SELLER");
        Response missing = post("/sellers/apply", user.token(), Map.of("businessName", ""));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("errors").findValuesAsString("field"))
                .contains("businessName", "taxId", "businessAddress");

        Response badCountry = post("/sellers/apply", user.token(), Map.of("businessName", "X", "taxId", "1",
                "businessAddress", Map.of("line1", "a", "city", "b", "country", "Nepal")));
        assertThat(badCountry.status()).isEqualTo(400);

        Response notJson = post("/sellers/apply", user.token(), "{not json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(get("/sellers/me", user.token()).status()).isEqualTo(404);
    }

    @Test
    void anAdminListsApprovesAndRejectsApplications() {
        SellerAccount first = appliedSeller();
        SellerAccount second = appliedSeller();
        String admin = admin().token();

        Response pending = get("/admin/sellers?status=PENDING&size=100", admin);
        assertThat(pending.status()).isEqualTo(200);
        assertThat(pending.body().path("items").findValuesAsString("id")).contains(first.sellerId(), second.sellerId());
        assertThat(pending.body().path("size").asInt()).isEqualTo(100);

        Response approved = post("/admin/sellers/" + first.sellerId() + "/approve", admin, null);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body().path("status").asString()).isEqualTo("APPROVED");

        Response noReason = post("/admin/sellers/" + second.sellerId() + "/reject", admin, Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        Response rejected = post("/admin/sellers/" + second.sellerId() + "/reject", admin,
                Map.of("reason", "Tax id does not match the business name"));
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.body().path("status").asString()).isEqualTo("REJECTED");
        assertThat(get("/sellers/me", second.token()).body().path("statusReason").asString())
                .isEqualTo("Tax id does not match the business name");

        // already approved: 200 with the seller as it is, nothing written, no second event or audit record
        Response twice = post("/admin/sellers/" + first.sellerId() + "/approve", admin, null);
        assertThat(twice.status()).isEqualTo(200);
        assertThat(twice.body().path("status").asString()).isEqualTo("APPROVED");
        assertThat(twice.body().path("version").asLong()).isEqualTo(approved.body().path("version").asLong());
        // already rejected: a new reason is not a new decision, the first one stands
        Response rejectedAgain = post("/admin/sellers/" + second.sellerId() + "/reject", admin,
                Map.of("reason", "Another reason"));
        assertThat(rejectedAgain.status()).isEqualTo(200);
        assertThat(rejectedAgain.body().path("statusReason").asString())
                .isEqualTo("Tax id does not match the business name");
        // a decision the rules forbid is still refused
        Response late = post("/admin/sellers/" + first.sellerId() + "/reject", admin, Map.of("reason", "late"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.problemType()).endsWith("/illegal-seller-transition");
        assertThat(late.body().path("status").asString()).isEqualTo("APPROVED");

        assertThat(get("/admin/sellers?status=APPROVED&size=100", admin).body().path("items").findValuesAsString("id"))
                .contains(first.sellerId()).doesNotContain(second.sellerId());
        assertThat(get("/admin/sellers?status=NOPE", admin).status()).isEqualTo(400);
        assertThat(post("/admin/sellers/" + java.util.UUID.randomUUID() + "/approve", admin, null).status())
                .isEqualTo(404);
        assertThat(published(Topics.AUDIT_EVENTS, "AuditRecorded", "seller:" + first.sellerId()))
                .extracting(e -> e.path("action").asString() + "/" + e.path("actorRole").asString())
                .containsExactly("seller.apply/SELLER", "seller.approve/ADMIN");
        assertThat(published(Topics.SELLER_SELLER, "SellerStatusChanged", first.sellerId()))
                .extracting(e -> e.path("status").asString()).containsExactly("PENDING", "APPROVED");
        assertThat(published(Topics.AUDIT_EVENTS, "AuditRecorded", "seller:" + second.sellerId()))
                .extracting(e -> e.path("action").asString()).containsExactly("seller.apply", "seller.reject");
        assertThat(published(Topics.SELLER_SELLER, "SellerStatusChanged", second.sellerId()))
                .extracting(e -> e.hasNonNull("reason") ? e.get("reason").asString() : null)
                .containsExactly(null, "Tax id does not match the business name");
    }

    @Test
    void aRejectedSellerMayApplyAgain() {
        SellerAccount seller = appliedSeller();
        post("/admin/sellers/" + seller.sellerId() + "/reject", admin().token(), Map.of("reason", "incomplete"));

        Response again = post("/sellers/apply", seller.token(), application("Corrected Shop"));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body().path("id").asString()).isEqualTo(seller.sellerId());
        assertThat(again.body().path("status").asString()).isEqualTo("PENDING");
        assertThat(again.body().path("statusReason").isNull()).isTrue();
    }

    @Test
    void aBanSuspendsTheSellersStoresAndAnUnbanReinstatesThem() {
        SellerAccount seller = approvedSeller();
        String storeId = createStore(seller, "Banned Goods");
        String admin = admin().token();

        Response banned = post("/admin/sellers/" + seller.sellerId() + "/ban", admin, Map.of("reason", "fraud"));
        assertThat(banned.status()).isEqualTo(200);
        assertThat(banned.body().path("status").asString()).isEqualTo("BANNED");
        assertThat(get("/stores/" + storeId, null).status()).isEqualTo(404);
        assertThat(get("/stores/" + storeId, seller.token()).body().path("status").asString()).isEqualTo("SUSPENDED");
        Response create = post("/stores", seller.token(), Map.of("name", "Another"));
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.body().path("sellerStatus").asString()).isEqualTo("BANNED");

        // banning a banned seller (even for another reason) changes nothing
        Response again = post("/admin/sellers/" + seller.sellerId() + "/ban", admin, Map.of("reason", "spam"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("statusReason").asString()).isEqualTo("fraud");

        Response unbanned = post("/admin/sellers/" + seller.sellerId() + "/unban", admin, null);
        assertThat(unbanned.body().path("status").asString()).isEqualTo("APPROVED");
        assertThat(get("/stores/" + storeId, null).body().path("status").asString()).isEqualTo("ACTIVE");
        Response unbannedAgain = post("/admin/sellers/" + seller.sellerId() + "/unban", admin, null);
        assertThat(unbannedAgain.status()).isEqualTo(200);
        assertThat(unbannedAgain.body().path("status").asString()).isEqualTo("APPROVED");

        assertThat(published(Topics.SELLER_STORE, "StoreChanged", storeId))
                .extracting(e -> e.path("status").asString()).containsExactly("ACTIVE", "SUSPENDED", "ACTIVE");
        assertThat(published(Topics.SELLER_SELLER, "SellerStatusChanged", seller.sellerId()))
                .extracting(e -> e.path("status").asString())
                .containsExactly("PENDING", "APPROVED", "BANNED", "APPROVED");
        assertThat(published(Topics.AUDIT_EVENTS, "AuditRecorded", "seller:" + seller.sellerId()))
                .extracting(e -> e.path("action").asString())
                .containsExactly("seller.apply", "seller.approve", "seller.ban", "seller.unban");
        assertThat(published(Topics.AUDIT_EVENTS, "AuditRecorded", "store:" + storeId))
                .extracting(e -> e.path("action").asString())
                .containsExactly("store.create", "store.suspend", "store.reinstate");
    }

    @Test
    void aBanFromIdentityServiceSuspendsTheStoresOnce() throws Exception {
        SellerAccount seller = approvedSeller();
        String storeId = createStore(seller, "Identity Banned");

        var ban = EventEnvelope.of(new UserBanned(seller.userId(), "chargebacks", "admin-1"), 3);
        String value = envelopes.toJson(ban);
        kafka.send(Topics.IDENTITY_USER, seller.userId(), value).get();
        kafka.send(Topics.IDENTITY_USER, seller.userId(), value).get(); // redelivered

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(get("/sellers/me", seller.token()).body().path("status").asString()).isEqualTo("BANNED"));
        assertThat(get("/stores/" + storeId, null).status()).isEqualTo(404);

        kafka.send(Topics.IDENTITY_USER, seller.userId(),
                envelopes.toJson(EventEnvelope.of(new UserUnbanned(seller.userId(), "admin-1"), 4))).get();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(get("/stores/" + storeId, null).status()).isEqualTo(200));
        List<JsonNode> statuses = published(Topics.SELLER_SELLER, "SellerStatusChanged", seller.sellerId());
        assertThat(statuses).extracting(e -> e.path("status").asString())
                .containsExactly("PENDING", "APPROVED", "BANNED", "APPROVED");
    }
}
