package io.haat.seller.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.Money;
import io.haat.events.Topics;
import io.haat.events.orders.CancellationReason;
import io.haat.events.orders.OrderCancelled;
import io.haat.events.orders.OrderLine;
import io.haat.events.orders.OrderPlaced;
import io.haat.events.orders.SellerOrderTotals;
import io.haat.seller.SellerIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StoreApiTest extends SellerIntegrationTest {

    @Test
    void anApprovedSellerOpensStoresWithUniqueSlugs() {
        SellerAccount seller = approvedSeller();
        Response first = post("/stores", seller.token(), Map.of("name", "Kathmandu Tea & Spice Co.",
                "description", "Leaf tea from Ilam"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Location")).isEqualTo("/stores/" + first.body().path("id").asString());
        assertThat(first.body().path("slug").asString()).startsWith("kathmandu-tea-spice-co");
        assertThat(first.body().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(first.body().path("sellerId").asString()).isEqualTo(seller.sellerId());

        // the same name again gets a derived slug of its own; an explicit slug that is taken is a conflict
        Response second = post("/stores", seller.token(), Map.of("name", "Kathmandu Tea & Spice Co."));
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body().path("slug").asString()).isNotEqualTo(first.body().path("slug").asString());
        Response taken = post("/stores", approvedSeller().token(),
                Map.of("name", "Copycat", "slug", first.body().path("slug").asString()));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.problemType()).endsWith("/store-slug-taken");

        Response mine = get("/stores/mine", seller.token());
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body().path("totalItems").asLong()).isEqualTo(2);
        assertThat(mine.body().path("items").findValuesAsString("id"))
                .containsExactly(first.body().path("id").asString(), second.body().path("id").asString());

        String storeId = first.body().path("id").asString();
        assertThat(published(Topics.SELLER_STORE, "StoreChanged", storeId)).singleElement().satisfies(e -> {
            assertThat(e.path("sellerId").asString()).isEqualTo(seller.sellerId());
            assertThat(e.path("name").asString()).isEqualTo("Kathmandu Tea & Spice Co.");
            assertThat(e.path("status").asString()).isEqualTo("ACTIVE");
        });
        assertThat(published(Topics.AUDIT_EVENTS, "AuditRecorded", "store:" + storeId))
                .extracting(e -> e.path("action").asString()).containsExactly("store.create");
    }

    @Test
    void anUnapprovedSellerCannotOpenAStore() {
        SellerAccount pending = appliedSeller();
        Response refused = post("/stores", pending.token(), Map.of("name", "Too Early"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.problemType()).endsWith("/seller-not-approved");
        assertThat(refused.body().path("detail").asString()).contains("pending review");
        assertThat(refused.body().path("sellerStatus").asString()).isEqualTo("PENDING");

        Response neverApplied = post("/stores", user("SELLER").token(), Map.of("name", "Who Am I"));
        assertThat(neverApplied.status()).isEqualTo(403);
        assertThat(neverApplied.body().path("detail").asString()).contains("POST /sellers/apply");
    }

    @Test
    void theStorePageIsPublicAndEditsAreOptimisticallyLocked() {
        SellerAccount seller = approvedSeller();
        String storeId = createStore(seller, "Pashmina Corner");

        Response page = get("/stores/" + storeId, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("ETag")).isEqualTo("\"0\"");
        String slug = page.body().path("slug").asString();
        assertThat(get("/stores/by-slug/" + slug, null).body().path("id").asString()).isEqualTo(storeId);

        Response edited = put("/stores/" + storeId, seller.token(),
                Map.of("name", "Pashmina Corner Thamel", "description", "Hand-woven"), "If-Match", "\"0\"");
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.body().path("version").asLong()).isEqualTo(1);
        assertThat(edited.body().path("slug").asString()).isEqualTo(slug);
        assertThat(edited.header("ETag")).isEqualTo("\"1\"");

        Response stale = put("/stores/" + storeId, seller.token(), Map.of("name", "Lost Update"), "If-Match", "\"0\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.problemType()).endsWith("/stale-version");
        assertThat(get("/stores/" + storeId, null).body().path("name").asString()).isEqualTo("Pashmina Corner Thamel");

        Response badSlug = put("/stores/" + storeId, seller.token(), Map.of("name", "X", "slug", "Not A Slug"));
        assertThat(badSlug.status()).isEqualTo(400);
        assertThat(badSlug.body().path("errors").findValuesAsString("field")).contains("slug");
        assertThat(put("/stores/" + storeId, seller.token(), Map.of("name", "X"), "If-Match", "abc").status())
                .isEqualTo(400);
    }

    @Test
    void anotherSellersStoreIsNotFound() {
        SellerAccount owner = approvedSeller();
        SellerAccount other = approvedSeller();
        String storeId = createStore(owner, "Mine Only");

        assertThat(put("/stores/" + storeId, other.token(), Map.of("name", "Hijacked")).status()).isEqualTo(404);
        assertThat(delete("/stores/" + storeId, other.token()).status()).isEqualTo(404);
        assertThat(get("/stores/mine", other.token()).body().path("items").findValuesAsString("id"))
                .doesNotContain(storeId);
        assertThat(put("/stores/" + UUID.randomUUID(), owner.token(), Map.of("name", "Ghost")).status()).isEqualTo(404);
        assertThat(get("/stores/not-a-uuid", null).status()).isEqualTo(400);
    }

    @Test
    void aStoreWithOpenOrdersCannotBeDeletedUntilTheyClose() {
        SellerAccount seller = approvedSeller();
        String storeId = createStore(seller, "Busy Store");
        setStock(seller, storeId, "MUG-1", 5, 0);
        String orderId = UUID.randomUUID().toString();
        deliver(new OrderPlaced(orderId, "customer-1", new Money(1000, "NPR"), List.of(
                new OrderLine("so-" + orderId, storeId, "product-1", "MUG-1", 1, new Money(1000, "NPR"))), List.of(
                SellerOrderTotals.undiscounted("so-" + orderId, storeId, "seller-1", new Money(1000, "NPR")))));

        Response refused = delete("/stores/" + storeId, seller.token());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problemType()).endsWith("/store-has-open-orders");

        deliver(new OrderCancelled(orderId, "customer-1", "changed my mind", CancellationReason.CUSTOMER_CANCELLED, false));
        assertThat(delete("/stores/" + storeId, seller.token()).status()).isEqualTo(204);
        assertThat(get("/stores/" + storeId, null).status()).isEqualTo(404);
        assertThat(get("/stores/" + storeId, seller.token()).status()).isEqualTo(404);
        assertThat(get("/stores/mine", seller.token()).body().path("totalItems").asLong()).isZero();
        assertThat(published(Topics.SELLER_STORE, "StoreChanged", storeId))
                .extracting(e -> e.path("status").asString()).containsExactly("ACTIVE", "CLOSED");
        // the slug of a closed store is free again
        String slug = published(Topics.SELLER_STORE, "StoreChanged", storeId).getFirst().path("slug").asString();
        assertThat(post("/stores", seller.token(), Map.of("name", "Reborn", "slug", slug)).status()).isEqualTo(201);
    }
}
