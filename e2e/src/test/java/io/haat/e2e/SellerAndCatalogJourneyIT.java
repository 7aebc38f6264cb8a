package io.haat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Issues 5 and 6 through the gateway: a seller applies, is approved, opens two stores and stocks them until a
 * low-stock alert appears; then lists a product with three variants and two images that an admin approves and anyone
 * finds by category, with thumbnails served for long caching.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SellerAndCatalogJourneyIT {

    private static Accounts.Account seller;
    private static String storeId;

    @Test
    @Order(1)
    void sellerAppliesIsApprovedOpensTwoStoresAndGetsALowStockAlert() {
        seller = Accounts.newVerified("SELLER");
        String token = seller.accessToken();
        HttpResponse<String> applied = Gateway.postJson("/api/v1/sellers/apply", token, """
                {"businessName": "E2E Traders", "taxId": "NP-E2E-%s",
                 "businessAddress": {"line1": "New Road 5", "city": "Kathmandu", "country": "NP"}}
                """.formatted(UUID.randomUUID().toString().substring(0, 6)));
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
        assertThat(Gateway.json(applied).get("status").asString()).isEqualTo("PENDING");
        String sellerId = Gateway.json(applied).get("id").asString();

        HttpResponse<String> tooEarly = Gateway.postJson("/api/v1/stores", token, "{\"name\": \"Too Early\"}");
        assertThat(tooEarly.statusCode()).isEqualTo(403);

        HttpResponse<String> approved = Gateway.postJson("/api/v1/admin/sellers/" + sellerId + "/approve",
                Accounts.adminToken(), "");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(Gateway.json(approved).get("status").asString()).isEqualTo("APPROVED");

        storeId = Sellers.createStore(token, "E2E Spice House");
        String secondStore = Sellers.createStore(token, "E2E Tea Corner");
        HttpResponse<String> mine = Gateway.get("/api/v1/stores/mine", token);
        assertThat(mine.body()).contains(storeId).contains(secondStore);
        assertThat(Gateway.get("/api/v1/stores/" + storeId, null).statusCode()).isEqualTo(200);

        String sku = "E2E-CUMIN-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        HttpResponse<String> stocked = Gateway.put("/api/v1/stores/" + storeId + "/inventory/" + sku, token,
                "{\"quantity\": 10, \"lowStockThreshold\": 3}");
        assertThat(stocked.statusCode()).as(stocked.body()).isEqualTo(200);
        assertThat(Gateway.json(stocked).get("available").asInt()).isEqualTo(10);
        assertThat(Gateway.get("/api/v1/stores/" + storeId + "/inventory/alerts", token).body()).doesNotContain(sku);

        HttpResponse<String> adjusted = Gateway.put("/api/v1/stores/" + storeId + "/inventory/" + sku, token,
                "{\"adjustBy\": -8, \"reason\": \"damaged in transit\"}");
        assertThat(adjusted.statusCode()).as(adjusted.body()).isEqualTo(200);
        assertThat(Gateway.json(adjusted).get("available").asInt()).isEqualTo(2);
        HttpResponse<String> alerts = Gateway.get("/api/v1/stores/" + storeId + "/inventory/alerts", token);
        assertThat(alerts.statusCode()).isEqualTo(200);
        assertThat(alerts.body()).contains(sku);

        Accounts.Account otherSeller = Accounts.newVerified("SELLER");
        assertThat(Gateway.get("/api/v1/stores/" + storeId + "/inventory", otherSeller.accessToken()).statusCode())
                .isEqualTo(404);
    }

    @Test
    @Order(2)
    void approvedSellerListsAProductThatAnyoneFindsByCategoryWithCacheableThumbnails() {
        String admin = Accounts.adminToken();
        HttpResponse<String> category = Gateway.postJson("/api/v1/admin/categories", admin,
                "{\"name\": \"E2E Spices %s\"}".formatted(UUID.randomUUID().toString().substring(0, 6)));
        assertThat(category.statusCode()).as(category.body()).isEqualTo(201);
        String categoryId = Gateway.json(category).get("id").asString();

        String skuBase = "E2E-CHILLI-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String product = """
                {"name": "Timur chilli", "description": "Sichuan pepper from the hills", "categoryId": "%s",
                 "brand": "E2E", "attributes": {"origin": "Nepal"},
                 "variants": [
                   {"sku": "%s-50G", "options": {"size": "50g"}, "price": {"amountMinor": 25000, "currency": "NPR"}},
                   {"sku": "%s-100G", "options": {"size": "100g"}, "price": {"amountMinor": 45000, "currency": "NPR"}},
                   {"sku": "%s-250G", "options": {"size": "250g"}, "price": {"amountMinor": 99000, "currency": "NPR"},
                    "compareAtPrice": {"amountMinor": 110000, "currency": "NPR"}}]}
                """.formatted(categoryId, skuBase, skuBase, skuBase);
        HttpResponse<String> created = Gateway.postJson("/api/v1/stores/" + storeId + "/products",
                seller.accessToken(), product);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String productId = Gateway.json(created).get("id").asString();
        assertThat(Gateway.json(created).get("variants").size()).isEqualTo(3);

        String firstImage = uploadImage(productId, Color.RED);
        uploadImage(productId, Color.ORANGE);
        assertThat(Gateway.get("/api/v1/products/" + productId, null).statusCode()).isEqualTo(404);

        HttpResponse<String> approved = Gateway.postJson("/api/v1/admin/products/" + productId + "/approve", admin, "");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

        await("the product listed in its category").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> listed = Gateway.get("/api/v1/categories/" + categoryId + "/products", null);
            assertThat(listed.statusCode()).isEqualTo(200);
            assertThat(listed.body()).contains(productId);
        });
        JsonNode detail = Gateway.json(Gateway.get("/api/v1/products/" + productId, null));
        assertThat(detail.get("images").size()).isEqualTo(2);

        for (String size : new String[] {"200", "800"}) {
            HttpResponse<String> thumbnail = Gateway.get("/api/v1/images/" + firstImage + "/thumbnails/" + size, null);
            assertThat(thumbnail.statusCode()).as(size).isEqualTo(200);
            assertThat(thumbnail.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("image/"));
            assertThat(thumbnail.headers().firstValue("Cache-Control")).hasValueSatisfying(
                    value -> assertThat(value).contains("max-age=31536000"));
            String etag = thumbnail.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> revalidated = Gateway.send(Gateway.request(
                    "/api/v1/images/" + firstImage + "/thumbnails/" + size, null).header("If-None-Match", etag).GET().build());
            assertThat(revalidated.statusCode()).isEqualTo(304);
        }
    }

    private static String uploadImage(String productId, Color color) {
        String boundary = "haat-e2e-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        body.writeBytes(head);
        body.writeBytes(png(color));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> uploaded = Gateway.send(Gateway.request("/api/v1/products/" + productId + "/images",
                        seller.accessToken()).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        return Gateway.json(uploaded).get("id").asString();
    }

    private static byte[] png(Color color) {
        BufferedImage image = new BufferedImage(1200, 900, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(color);
        graphics.fillRect(0, 0, 1200, 900);
        graphics.setColor(Color.WHITE);
        graphics.fillOval(300, 200, 600, 500);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
