package io.haat.order.returns;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.test.image.TestImages;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Returns through HTTP, PostgreSQL and the outbox: the whole path, the window, quantities, photos, auto-approval. */
class ReturnApiTest extends AfterSalesSupport {

    @Autowired
    private ReturnApprovalJob approvals;

    @Test
    void aReturnGoesFromRequestToRefundAndTheSellerOrderFollows() {
        Delivered d = delivered(2);
        Response created = requestReturn(d, 1, "DAMAGED");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().path("status").asString()).isEqualTo("REQUESTED");
        String id = created.body().path("id").asString();
        assertThat(created.header("Location")).endsWith("/returns/" + id);
        assertThat(sellerOrderStatus(d)).isEqualTo("RETURN_REQUESTED");

        JsonNode mine = ok(get("/returns/mine", d.customer().token())).body();
        assertThat(mine.path("items").get(0).path("id").asString()).isEqualTo(id);
        // 1 × 1000, no discount, and (store's fault, default policy) half of the 100 shipping for 1 of 2 units
        assertThat(money(mine.path("items").get(0).path("refund"))).isEqualTo(npr(1050));
        JsonNode ofStore = ok(get("/stores/" + d.storeId() + "/returns?status=REQUESTED", d.seller().token())).body();
        assertThat(ofStore.path("totalItems").asLong()).isEqualTo(1);
        assertThat(ok(get("/stores/" + d.storeId() + "/returns?status=APPROVED", d.seller().token())).body()
                .path("totalItems").asLong()).isZero();

        assertThat(ok(post("/returns/" + id + "/approve", d.seller().token(), null)).body().path("status")
                .asString()).isEqualTo("APPROVED");
        assertThat(ok(post("/returns/" + id + "/approve", d.seller().token(), null)).body().path("status")
                .asString()).isEqualTo("APPROVED");
        assertThat(sellerOrderStatus(d)).isEqualTo("RETURN_APPROVED");
        assertThat(ok(post("/returns/" + id + "/received", d.seller().token(), null)).body().path("status")
                .asString()).isEqualTo("RECEIVED");
        assertThat(sellerOrderStatus(d)).isEqualTo("RETURNED");

        JsonNode received = outboxPayloads(d.orderId(), "ReturnStatusChanged").getLast();
        assertThat(received.path("status").asString()).isEqualTo("RECEIVED");
        assertThat(received.path("lines").get(0).path("sku").asString()).isEqualTo(d.sku());
        assertThat(received.path("lines").get(0).path("quantity").asInt()).isEqualTo(1);
        JsonNode refund = outboxPayload(d.orderId(), "RefundRequested");
        assertThat(refund.path("requestId").asString()).isEqualTo("return:" + id);
        assertThat(money(refund.path("amount"))).isEqualTo(npr(1050));
        assertThat(refund.path("sellerOrders").get(0).path("sellerOrderId").asString()).isEqualTo(d.sellerOrderId());
        assertThat(audited("return", id)).containsExactly("return.approve", "return.receive");

        // payment-service refunds it in two parts (two captured payments); the second completes it, once
        refunded(d, "return:" + id, 600);
        assertThat(ok(get("/returns/" + id, d.customer().token())).body().path("status").asString())
                .isEqualTo("RECEIVED");
        refunded(d, "return:" + id, 450);
        JsonNode done = ok(get("/returns/" + id, d.customer().token())).body();
        assertThat(done.path("status").asString()).isEqualTo("REFUNDED");
        assertThat(money(done.path("refunded"))).isEqualTo(npr(1050));
        assertThat(sellerOrderStatus(d)).isEqualTo("REFUNDED");
        assertThat(outboxPayloads(d.orderId(), "ReturnStatusChanged")).map(p -> p.path("status").asString())
                .containsExactly("REQUESTED", "APPROVED", "RECEIVED", "REFUNDED");
        assertThat(outboxPayloads(d.orderId(), "SellerOrderStatusChanged")).map(p -> p.path("status").asString())
                .endsWith("DELIVERED", "RETURN_REQUESTED", "RETURN_APPROVED", "RETURNED", "REFUNDED");
    }

    @Test
    void theRefundIsNeverMoreThanWasCapturedAndNotRefunded() {
        Delivered d = delivered(1);
        // payment-service already gave 900 of this part back (an admin refund, no request of ours)
        refunded(d, null, 900);
        String id = returned(d, 1, "DAMAGED");
        ok(post("/returns/" + id + "/approve", d.seller().token(), null));
        ok(post("/returns/" + id + "/received", d.seller().token(), null));
        assertThat(money(outboxPayload(d.orderId(), "RefundRequested").path("amount"))).isEqualTo(npr(200));
    }

    @Test
    void outsideTheStoresWindowIs422() {
        User seller = user("SELLER");
        String storeId = sellingStore(seller);
        JsonNode policy = ok(put("/stores/" + storeId + "/return-policy", seller.token(),
                Map.of("windowDays", 2, "shippingRefund", "NEVER"))).body();
        assertThat(policy.path("windowDays").asInt()).isEqualTo(2);
        assertThat(ok(get("/stores/" + storeId + "/return-policy", null)).body().path("shippingRefund").asString())
                .isEqualTo("NEVER");
        assertThat(audited("store", storeId)).containsExactly("store.return-policy.set");
        Delivered d = deliveredFrom(seller, storeId, 1);
        clock.advance(Duration.ofDays(2));
        assertProblem(requestReturn(d, 1, "DAMAGED"), 422, "return-window-closed", null);
        assertThat(sellerOrderStatus(d)).isEqualTo("DELIVERED");
    }

    @Test
    void moreThanDeliveredIs422AndOneReturnAtATime() {
        Delivered d = delivered(2);
        assertProblem(requestReturn(d, 3, "WRONG_ITEM"), 422, "return-exceeds-delivered", null);
        String first = returned(d, 2, "WRONG_ITEM");
        assertProblem(requestReturn(d, 1, "WRONG_ITEM"), 409, "return-already-open", null);
        ok(post("/returns/" + first + "/reject", d.seller().token(), Map.of("reason", "worn")));
        assertThat(sellerOrderStatus(d)).isEqualTo("RETURN_REJECTED");
        // a rejected return gives its units back to what may be returned
        String second = returned(d, 2, "WRONG_ITEM");
        ok(post("/returns/" + second + "/approve", d.seller().token(), null));
        ok(post("/returns/" + second + "/received", d.seller().token(), null));
        refunded(d, "return:" + second, 2100);
        assertProblem(requestReturn(d, 1, "WRONG_ITEM"), 422, "return-exceeds-delivered", null);
        // illegal moves of a return are 409
        assertProblem(post("/returns/" + first + "/approve", d.seller().token(), null), 409,
                "illegal-return-transition", null);
    }

    @Test
    void badRequestsAre400() {
        Delivered d = delivered(1);
        assertProblem(post("/orders/" + d.orderId() + "/returns", d.customer().token(),
                Map.of("lines", List.of(), "reason", "DAMAGED")), 400, "validation", "lines");
        assertProblem(post("/orders/" + d.orderId() + "/returns", d.customer().token(),
                Map.of("lines", List.of(Map.of("sku", "NOPE", "quantity", 1)), "reason", "DAMAGED")), 400,
                "validation", null);
        assertThat(post("/orders/" + d.orderId() + "/returns", d.customer().token(),
                Map.of("lines", List.of(Map.of("sku", d.sku(), "quantity", 1)), "reason", "BORED")).status())
                .isEqualTo(400);
        assertProblem(post("/returns/" + java.util.UUID.randomUUID() + "/reject", d.seller().token(), Map.of()),
                400, "validation", "reason");
    }

    @Test
    void photosAreReEncodedAndShownOnlyToTheParties() {
        Delivered d = delivered(1);
        byte[] photo = TestImages.jpegWithMetadata(600, 400, "GPS 27.7172,85.3240 secret");
        Map<String, Object> body = Map.of("lines", List.of(Map.of("sku", d.sku(), "quantity", 1)), "reason",
                "DAMAGED", "comment", "the handle broke");
        Response created = withPhotos("/orders/" + d.orderId() + "/returns", d.customer().token(), body,
                List.of(photo, TestImages.png(100, 100)));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.body().path("id").asString();
        JsonNode view = ok(get("/returns/" + id, d.customer().token())).body();
        assertThat(view.path("photos")).hasSize(2);
        assertThat(view.path("comment").asString()).isEqualTo("the handle broke");

        HttpResponse<byte[]> mine = getBytes("/returns/" + id + "/photos/0", d.customer().token());
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(new String(mine.body(), StandardCharsets.ISO_8859_1)).doesNotContain("secret");
        assertThat(getBytes("/returns/" + id + "/photos/1", d.seller().token()).statusCode()).isEqualTo(200);
        assertThat(getBytes("/returns/" + id + "/photos/0", user("ADMIN").token()).statusCode()).isEqualTo(200);
        assertThat(getBytes("/returns/" + id + "/photos/0", customer().token()).statusCode()).isEqualTo(404);
        assertThat(getBytes("/returns/" + id + "/photos/0", user("SELLER").token()).statusCode()).isEqualTo(404);
        assertThat(getBytes("/returns/" + id + "/photos/2", d.customer().token()).statusCode()).isEqualTo(404);
        assertThat(getBytes("/returns/" + id + "/photos/0", null).statusCode()).isEqualTo(401);

        Delivered other = delivered(1);
        Map<String, Object> otherBody = Map.of("lines", List.of(Map.of("sku", other.sku(), "quantity", 1)),
                "reason", "DAMAGED");
        assertProblem(withPhotos("/orders/" + other.orderId() + "/returns", other.customer().token(), otherBody,
                List.of("not an image".getBytes(StandardCharsets.UTF_8))), 400, "not-an-image", null);
        assertProblem(withPhotos("/orders/" + other.orderId() + "/returns", other.customer().token(), otherBody,
                Collections.nCopies(6, TestImages.png(10, 10))), 400, "validation", "photos");
        assertProblem(withPhotos("/orders/" + other.orderId() + "/returns", other.customer().token(), otherBody,
                List.of(TestImages.pngDeclaring(20_000, 20_000))), 400, "image-dimensions-too-large", null);
        assertThat(sellerOrderStatus(other)).isEqualTo("DELIVERED");
    }

    @Test
    void theStoresSilenceApprovesAfterTheDeadline() {
        Delivered d = delivered(1);
        String id = returned(d, 1, "NOT_AS_DESCRIBED");
        clock.advance(Duration.ofDays(3).minusSeconds(1));
        approvals.approveDue();
        assertThat(ok(get("/returns/" + id, d.customer().token())).body().path("status").asString())
                .isEqualTo("REQUESTED");
        clock.advance(Duration.ofSeconds(1));
        approvals.approveDue(); // (the scheduled run may have got there first)
        assertThat(ok(get("/returns/" + id, d.customer().token())).body().path("status").asString())
                .isEqualTo("APPROVED");
        assertThat(sellerOrderStatus(d)).isEqualTo("RETURN_APPROVED");
        assertThat(outboxPayloads(d.orderId(), "ReturnStatusChanged").getLast().path("note").asString())
                .contains("automatically");
    }

    @Test
    void anOpenReturnHoldsCompletion() {
        Delivered d = delivered(1);
        java.util.UUID part = java.util.UUID.fromString(d.sellerOrderId());
        assertThat(afterSales.holdsCompletion(part)).isFalse();
        String id = returned(d, 1, "DAMAGED");
        assertThat(afterSales.holdsCompletion(part)).isTrue();
        ok(post("/returns/" + id + "/reject", d.seller().token(), Map.of("reason", "no damage visible")));
        assertThat(afterSales.holdsCompletion(part)).isFalse();
    }
}
