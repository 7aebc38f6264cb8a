package io.haat.catalog.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.catalog.Api;
import io.haat.catalog.CatalogTest;
import io.haat.test.image.TestImages;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Product images over HTTP: upload, serve with cache headers, reorder, delete, owner only, bad uploads. */
class ProductImageApiTest extends CatalogTest {

    private String productOf(Seller seller) {
        return activeProduct(seller, category("Prints"), "Poster", 1200).get("id").asString();
    }

    @Test
    void theOwnerUploadsImagesThatAnyoneDownloadsWithLongLivedCacheHeaders() {
        Seller seller = approvedSellerWithStore();
        String id = productOf(seller);

        Api.Response jpeg = api.upload("/products/" + id + "/images", seller.token(), "photo.jpg", "image/jpeg",
                TestImages.jpegWithMetadata(1200, 900, "secret-location"));
        assertThat(jpeg.status()).as(jpeg.toString()).isEqualTo(201);
        JsonNode image = jpeg.json();
        assertThat(image.get("position").asInt()).isZero();
        assertThat(image.get("url").asString()).startsWith("http://").endsWith("/images/" + image.get("id").asString());
        assertThat(image.get("width").asInt()).isEqualTo(900);  // EXIF orientation 6 applied
        Api.Response png = api.upload("/products/" + id + "/images", seller.token(), "drawing.png", "image/png",
                TestImages.png(400, 400));
        assertThat(png.status()).isEqualTo(201);
        assertThat(png.json().get("position").asInt()).isEqualTo(1);

        String imageId = image.get("id").asString();
        Api.Response full = api.get("/images/" + imageId, null);
        assertThat(full.status()).isEqualTo(200);
        assertThat(full.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(full.header("Cache-Control")).contains("max-age=31536000").contains("public").contains("immutable");
        assertThat(full.header("ETag")).isNotBlank();
        assertThat(new String(full.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("secret-location");

        for (int size : List.of(200, 800)) {
            Api.Response thumbnail = api.get("/images/" + imageId + "/thumbnails/" + size, null);
            assertThat(thumbnail.status()).isEqualTo(200);
            assertThat(thumbnail.header("Cache-Control")).contains("max-age=31536000");
            assertThat(thumbnail.header("ETag")).isNotEqualTo(full.header("ETag"));
        }
        Api.Response notModified = api.get("/images/" + imageId, null, "If-None-Match", full.header("ETag"));
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(api.get("/images/" + imageId + "/thumbnails/300", null).status()).isEqualTo(404);
        assertThat(api.get("/images/does-not-exist", null).status()).isEqualTo(404);

        JsonNode product = api.get("/products/" + id, null).json();
        assertThat(product.get("images")).hasSize(2);
        assertThat(product.get("images").get(0).get("thumbnailSmall").asString()).endsWith("/thumbnails/200");
        assertThat(api.get("/categories/" + product.get("categoryId").asString() + "/products", null).json()
                .get("items").get(0).get("image").asString()).endsWith(imageId + "/thumbnails/200");
    }

    @Test
    void theOwnerReordersAndDeletesImagesAndNobodyElseCan() {
        Seller seller = approvedSellerWithStore();
        Seller other = approvedSellerWithStore();
        String id = productOf(seller);
        String first = api.upload("/products/" + id + "/images", seller.token(), "a.png", "image/png",
                TestImages.png(50, 50)).json().get("id").asString();
        String second = api.upload("/products/" + id + "/images", seller.token(), "b.png", "image/png",
                TestImages.png(60, 60)).json().get("id").asString();

        assertThat(api.upload("/products/" + id + "/images", other.token(), "x.png", "image/png",
                TestImages.png(10, 10)).status()).isEqualTo(404);
        assertThat(api.upload("/products/" + id + "/images", customer("c-1"), "x.png", "image/png",
                TestImages.png(10, 10)).status()).isEqualTo(403);
        assertThat(api.upload("/products/" + id + "/images", null, "x.png", "image/png",
                TestImages.png(10, 10)).status()).isEqualTo(401);
        assertThat(api.put("/products/" + id + "/images/order", other.token(), Map.of("imageIds", List.of(second, first)))
                .status()).isEqualTo(404);
        assertThat(api.delete("/products/" + id + "/images/" + first, other.token()).status()).isEqualTo(404);

        Api.Response reordered = api.put("/products/" + id + "/images/order", seller.token(),
                Map.of("imageIds", List.of(second, first)));
        assertThat(reordered.status()).isEqualTo(200);
        assertThat(reordered.json().get(0).get("id").asString()).isEqualTo(second);
        assertThat(api.put("/products/" + id + "/images/order", seller.token(), Map.of("imageIds", List.of(second)))
                .status()).isEqualTo(400);

        assertThat(api.delete("/products/" + id + "/images/" + first, seller.token()).status()).isEqualTo(204);
        assertThat(api.get("/images/" + first, null).status()).isEqualTo(404);
        assertThat(api.delete("/products/" + id + "/images/" + first, seller.token()).status()).isEqualTo(404);
        assertThat(api.get("/products/" + id, null).json().get("images")).hasSize(1);
    }

    @Test
    void badUploadsAreClearClientErrors() {
        Seller seller = approvedSellerWithStore();
        String path = "/products/" + productOf(seller) + "/images";

        Api.Response text = api.upload(path, seller.token(), "photo.jpg", "image/jpeg",
                "not really a photo".getBytes(StandardCharsets.UTF_8));
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.json().get("type").asString()).endsWith("/not-an-image");

        Api.Response bomb = api.upload(path, seller.token(), "huge.png", "image/png", TestImages.pngDeclaring(20_000, 20_000));
        assertThat(bomb.status()).isEqualTo(400);
        assertThat(bomb.json().get("type").asString()).endsWith("/image-dimensions-too-large");
        assertThat(bomb.json().get("width").asInt()).isEqualTo(20_000);

        byte[] sixMegabytes = new byte[6 * 1024 * 1024];
        System.arraycopy(TestImages.jpeg(10, 10), 0, sixMegabytes, 0, 100);
        Api.Response tooBig = api.upload(path, seller.token(), "big.jpg", "image/jpeg", sixMegabytes);
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.header("Content-Type")).startsWith("application/problem+json");

        Api.Response damaged = api.upload(path, seller.token(), "cut.png", "image/png",
                java.util.Arrays.copyOf(TestImages.png(80, 80), 60));
        assertThat(damaged.status()).isEqualTo(400);
        assertThat(damaged.json().get("type").asString()).endsWith("/corrupt-image");

        Api.Response webp = api.upload(path, seller.token(), "tiny.webp", "image/webp", TestImages.WEBP_1X1);
        assertThat(webp.status()).as(webp.toString()).isEqualTo(201);
    }

    @Autowired
    private ImageStorage storage;

    @Test
    void imagesOfAProductThatIsNotPublicAreServedToItsOwnerAndAdminsOnly() {
        Seller seller = approvedSellerWithStore();
        Seller other = approvedSellerWithStore();
        String id = createProduct(seller, category("Drafts"), "Unreleased", 900).get("id").asString();
        String imageId = api.upload("/products/" + id + "/images", seller.token(), "a.png", "image/png",
                TestImages.png(64, 64)).json().get("id").asString();
        List<String> paths = List.of("/images/" + imageId, "/images/" + imageId + "/thumbnails/200",
                "/images/" + imageId + "/thumbnails/800");

        // in review: hidden from everyone but its owner and the admins, and never cached by shared caches
        assertHiddenExceptForOwnerAndAdmins(paths, seller, other);

        assertThat(api.post("/admin/products/" + id + "/approve", admin(), Map.of()).status()).isEqualTo(200);
        for (String path : paths) {
            Api.Response anonymous = api.get(path, null);
            assertThat(anonymous.status()).as(path + " once public").isEqualTo(200);
            assertThat(anonymous.header("Cache-Control")).contains("public");
        }

        assertThat(api.post("/admin/products/" + id + "/ban", admin(), Map.of("reason", "Counterfeit")).status())
                .isEqualTo(200);
        assertHiddenExceptForOwnerAndAdmins(paths, seller, other);
    }

    private void assertHiddenExceptForOwnerAndAdmins(List<String> paths, Seller owner, Seller other) {
        for (String path : paths) {
            for (String stranger : java.util.Arrays.asList(null, other.token(), customer("c-" + path.length()))) {
                Api.Response refused = api.get(path, stranger);
                assertThat(refused.status()).as(path + " for " + (stranger == null ? "anonymous" : "a stranger"))
                        .isEqualTo(404);
                assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            }
            for (String allowed : List.of(owner.token(), admin())) {
                Api.Response served = api.get(path, allowed);
                assertThat(served.status()).as(path).isEqualTo(200);
                assertThat(served.header("Cache-Control")).contains("private").doesNotContain("public");
            }
        }
    }

    @Test
    void deletingAProductDeletesItsImageFilesAndImageSearchEntries() {
        Seller seller = approvedSellerWithStore();
        String id = productOf(seller);
        List<String> imageIds = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            imageIds.add(api.upload("/products/" + id + "/images", seller.token(), "a.png", "image/png",
                    TestImages.png(40 + i * 30, 50)).json().get("id").asString());
        }
        for (String imageId : imageIds) {
            assertThat(storage.exists(imageId)).isTrue();
        }

        assertThat(api.delete("/products/" + id, seller.token()).status()).isEqualTo(204);

        for (String imageId : imageIds) {
            assertThat(storage.exists(imageId)).as("GridFS files of " + imageId).isFalse();
            assertThat(mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                    org.springframework.data.mongodb.core.query.Criteria.where("_id").is(imageId)),
                    "image_descriptors")).as("image search descriptor").isFalse();
            assertThat(api.get("/images/" + imageId, seller.token()).status()).isEqualTo(404);
            assertThat(api.get("/images/" + imageId, admin()).status()).isEqualTo(404);
        }
        org.bson.Document stored = mongo.findById(id, org.bson.Document.class, "products");
        assertThat(stored.getString("status")).isEqualTo("DELETED");
        assertThat(stored.getList("images", Object.class)).isEmpty();
    }
}
