package io.haat.catalog.imagesearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.haat.catalog.Api;
import io.haat.catalog.CatalogTest;
import io.haat.catalog.TopicProbe;
import io.haat.events.Topics;
import io.haat.events.seller.StoreChanged;
import io.haat.events.seller.StoreStatus;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /search/image} over HTTP: sellers upload generated product pictures, customers upload transformed
 * copies (cropped, resized, re-compressed, rotated, brighter/darker) and must get the product back; hidden
 * products never come back; validation, anonymous access and the rate limit.
 */
class ImageSearchApiTest extends CatalogTest {

    /** Distinct generated product pictures in the measured set. */
    private static final int PRODUCTS = 40;
    /** Pictures of the products the visibility test hides (outside the measured set). */
    private static final int HIDDEN_BASE = 1000;

    @Autowired
    private ImageIndexer indexer;
    @Autowired
    private ImageIndex index;
    @Autowired
    private ImageDescriptors descriptors;

    private String searcher() {
        return customer(UUID.randomUUID().toString()); // its own rate-limit bucket
    }

    private List<String> search(byte[] photo, String token) {
        Api.Response found = api.upload("/search/image?limit=5", token, "photo.jpg", "image/jpeg", photo);
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        found.json().get("items").forEach(item -> ids.add(item.get("productId").asString()));
        return ids;
    }

    private String productWithPicture(Seller seller, String categoryId, String name, BufferedImage picture) {
        String id = activeProduct(seller, categoryId, name, 1500).get("id").asString();
        Api.Response uploaded = api.upload("/products/" + id + "/images", seller.token(), "p.png", "image/png",
                SyntheticPictures.png(picture));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        return id;
    }

    @Test
    void transformedPhotosOfProductsFindTheProduct() {
        await().atMost(Duration.ofSeconds(30)).until(indexer::ready);
        Seller seller = approvedSellerWithStore();
        String categoryId = category("Look-alikes");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < PRODUCTS; i++) {
            ids.add(productWithPicture(seller, categoryId, "Pictured product " + i, SyntheticPictures.product(i)));
        }

        List<SyntheticPictures.Transform> transforms = SyntheticPictures.transforms();
        int queries = 0;
        int top1 = 0;
        int top5 = 0;
        StringBuilder perTransform = new StringBuilder();
        for (SyntheticPictures.Transform transform : transforms) {
            int hits1 = 0;
            int hits5 = 0;
            for (int i = 0; i < PRODUCTS; i++) {
                BufferedImage photo = transform.apply().apply(SyntheticPictures.product(i));
                byte[] jpeg = SyntheticPictures.jpeg(photo, transform.name().startsWith("JPEG") ? 0.3f : 0.85f);
                List<String> found = search(jpeg, searcher());
                if (!found.isEmpty() && found.getFirst().equals(ids.get(i))) {
                    hits1++;
                }
                if (found.contains(ids.get(i))) {
                    hits5++;
                }
            }
            perTransform.append(String.format("%n[image-search]   %-34s top-1 %3d%%  top-5 %3d%%", transform.name(),
                    100 * hits1 / PRODUCTS, 100 * hits5 / PRODUCTS));
            queries += PRODUCTS;
            top1 += hits1;
            top5 += hits5;
        }
        double top1Rate = top1 / (double) queries;
        double top5Rate = top5 / (double) queries;
        System.out.printf("[image-search] %d products, %d transformed photos: top-1 %.1f%%, top-5 %.1f%%%s%n",
                PRODUCTS, queries, 100 * top1Rate, 100 * top5Rate, perTransform);
        assertThat(top5Rate).as("top-5 hit rate").isGreaterThanOrEqualTo(0.95);
        assertThat(top1Rate).as("top-1 hit rate").isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void bannedDeletedAndSuspendedStoresProductsAreNeverFound() {
        Seller seller = approvedSellerWithStore();
        Seller other = approvedSellerWithStore();
        String categoryId = category("Hidden look-alikes");
        BufferedImage bannedPicture = SyntheticPictures.product(HIDDEN_BASE);
        BufferedImage deletedPicture = SyntheticPictures.product(HIDDEN_BASE + 1);
        BufferedImage suspendedPicture = SyntheticPictures.product(HIDDEN_BASE + 2);
        String banned = productWithPicture(seller, categoryId, "To be banned", bannedPicture);
        String deleted = productWithPicture(seller, categoryId, "To be deleted", deletedPicture);
        String suspended = productWithPicture(other, categoryId, "Of a store to be suspended", suspendedPicture);
        String draft = createProduct(seller, categoryId, "Never approved", 900).get("id").asString();
        BufferedImage draftPicture = SyntheticPictures.product(HIDDEN_BASE + 3);
        assertThat(api.upload("/products/" + draft + "/images", seller.token(), "d.png", "image/png",
                SyntheticPictures.png(draftPicture)).status()).isEqualTo(201);

        assertThat(search(SyntheticPictures.png(bannedPicture), searcher()).getFirst()).isEqualTo(banned);
        assertThat(search(SyntheticPictures.png(deletedPicture), searcher()).getFirst()).isEqualTo(deleted);
        assertThat(search(SyntheticPictures.png(suspendedPicture), searcher()).getFirst()).isEqualTo(suspended);
        assertThat(search(SyntheticPictures.png(draftPicture), searcher())).doesNotContain(draft);

        assertThat(api.post("/admin/products/" + banned + "/ban", admin(), Map.of("reason", "Counterfeit")).status())
                .isEqualTo(200);
        assertThat(api.delete("/products/" + deleted, seller.token()).status()).isEqualTo(204);
        TopicProbe.publish(Topics.SELLER_STORE, other.storeId(), envelope(new StoreChanged(other.storeId(),
                other.sellerId(), "Shop", "shop-" + other.storeId(), StoreStatus.SUSPENDED), 2));

        assertThat(search(SyntheticPictures.png(bannedPicture), searcher())).doesNotContain(banned);
        assertThat(search(SyntheticPictures.png(deletedPicture), searcher())).doesNotContain(deleted);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(search(SyntheticPictures.png(suspendedPicture), searcher())).doesNotContain(suspended));
    }

    @Test
    void aDeletedImageNoLongerFindsItsProduct() {
        Seller seller = approvedSellerWithStore();
        BufferedImage first = SyntheticPictures.product(HIDDEN_BASE + 10);
        BufferedImage second = SyntheticPictures.product(HIDDEN_BASE + 11);
        String id = productWithPicture(seller, category("Two pictures"), "Two pictures", first);
        Api.Response added = api.upload("/products/" + id + "/images", seller.token(), "b.png", "image/png",
                SyntheticPictures.png(second));
        JsonNode before = best(second);
        assertThat(before.get("productId").asString()).isEqualTo(id);
        assertThat(before.get("image").asString()).contains(added.json().get("id").asString());

        assertThat(api.delete("/products/" + id + "/images/" + added.json().get("id").asString(), seller.token())
                .status()).isEqualTo(204);

        JsonNode after = best(second);
        assertThat(after == null || !after.get("image").asString().contains(added.json().get("id").asString()))
                .isTrue();
        assertThat(best(first).get("productId").asString()).isEqualTo(id);
    }

    private JsonNode best(BufferedImage picture) {
        JsonNode items = api.upload("/search/image?limit=1", searcher(), "p.png", "image/png",
                SyntheticPictures.png(picture)).json().get("items");
        return items.isEmpty() ? null : items.get(0);
    }

    @Test
    void imagesWithoutADescriptorAreDescribedByTheStartUpBackfill() {
        Seller seller = approvedSellerWithStore();
        BufferedImage picture = SyntheticPictures.product(HIDDEN_BASE + 30);
        String id = productWithPicture(seller, category("Backfilled"), "Uploaded before image search", picture);
        String imageId = api.get("/products/" + id, null).json().get("images").get(0).get("id").asString();
        // as if uploaded before image search existed: no descriptor, not in the index
        descriptors.delete(imageId);
        index.remove(imageId);
        assertThat(search(SyntheticPictures.png(picture), searcher())).doesNotContain(id);

        assertThat(indexer.rebuild()).isGreaterThanOrEqualTo(1);

        assertThat(search(SyntheticPictures.png(picture), searcher()).getFirst()).isEqualTo(id);
        assertThat(descriptors.find(imageId)).isPresent();
    }

    @Test
    void anyoneMaySearchAndTheAnswerDescribesTheProducts() {
        Seller seller = approvedSellerWithStore();
        BufferedImage picture = SyntheticPictures.product(HIDDEN_BASE + 20);
        String id = productWithPicture(seller, category("Anonymous"), "Found anonymously", picture);

        Api.Response found = api.upload("/search/image", null, "photo.png", "image/png", SyntheticPictures.png(picture));

        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        JsonNode best = found.json().get("items").get(0);
        assertThat(best.get("productId").asString()).isEqualTo(id);
        assertThat(best.get("name").asString()).isEqualTo("Found anonymously");
        assertThat(best.get("score").asDouble()).isGreaterThan(0.95).isLessThanOrEqualTo(1.0);
        assertThat(best.get("price").get("amountMinor").asLong()).isEqualTo(1500);
        assertThat(best.get("image").asString()).contains("/images/").endsWith("/thumbnails/200");
        assertThat(best.get("storeId").asString()).isEqualTo(seller.storeId());
    }

    @Test
    void whatIsNotAnImageIsRefusedLikeAProductImage() {
        Api.Response text = api.upload("/search/image", searcher(), "notes.png", "image/png",
                "just some text".getBytes());
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.header("Content-Type")).startsWith("application/problem+json");
        assertThat(text.json().get("type").asString()).endsWith("not-an-image");

        Api.Response bomb = api.upload("/search/image", searcher(), "bomb.png", "image/png",
                io.haat.test.image.TestImages.pngDeclaring(20_000, 20_000));
        assertThat(bomb.status()).isEqualTo(400);
        assertThat(bomb.json().get("type").asString()).endsWith("image-dimensions-too-large");

        Api.Response notMultipart = api.post("/search/image", searcher(), Map.of("file", "x"));
        assertThat(notMultipart.status()).isEqualTo(415);
        assertThat(notMultipart.header("Content-Type")).startsWith("application/problem+json");

        Api.Response badLimit = api.upload("/search/image?limit=0", searcher(), "p.png", "image/png",
                SyntheticPictures.png(SyntheticPictures.product(1)));
        assertThat(badLimit.status()).isEqualTo(400);
    }

    @Test
    void aClientSearchingTooOftenIsToldToSlowDown() {
        String token = searcher();
        byte[] photo = SyntheticPictures.jpeg(SyntheticPictures.product(3), 0.8f);
        Api.Response last = null;
        for (int i = 0; i < 40; i++) {
            last = api.upload("/search/image", token, "p.jpg", "image/jpeg", photo);
            if (last.status() == 429) {
                break;
            }
            assertThat(last.status()).isEqualTo(200);
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.header("Retry-After")).isNotNull();
        assertThat(last.header("Content-Type")).startsWith("application/problem+json");
        // another client is not affected
        assertThat(api.upload("/search/image", searcher(), "p.jpg", "image/jpeg", photo).status()).isEqualTo(200);
    }
}
