package io.haat.order.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every return, return-policy and dispute endpoint: no token 401, the wrong role 403 (before the body is read),
 * another customer's or seller's resource 404.
 */
class AfterSalesSecurityTest extends AfterSalesSupport {

    private record Call(String method, String path, Object body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Test
    void everyEndpointRefusesStrangers() {
        Delivered d = delivered(1);
        String returnId = returned(d, 1, "DAMAGED");
        String disputeId = ok(post("/orders/" + d.orderId() + "/disputes", d.customer().token(),
                Map.of("reason", "late", "message", "where is it?"))).body().path("id").asString();
        Map<String, Object> returnBody = Map.of("lines", List.of(Map.of("sku", d.sku(), "quantity", 1)), "reason",
                "DAMAGED");
        Map<String, Object> reject = Map.of("reason", "no");
        Map<String, Object> policy = Map.of("windowDays", 3, "shippingRefund", "ALWAYS");
        Map<String, Object> message = Map.of("body", "hello");
        Map<String, Object> resolve = Map.of("outcome", "REJECTED", "note", "no");

        List<Call> all = List.of(
                new Call("POST", "/orders/" + d.orderId() + "/returns", returnBody),
                new Call("GET", "/returns/mine", null),
                new Call("GET", "/returns/" + returnId, null),
                new Call("GET", "/returns/" + returnId + "/photos/0", null),
                new Call("POST", "/returns/" + returnId + "/approve", null),
                new Call("POST", "/returns/" + returnId + "/reject", reject),
                new Call("POST", "/returns/" + returnId + "/received", null),
                new Call("GET", "/stores/" + d.storeId() + "/returns", null),
                new Call("PUT", "/stores/" + d.storeId() + "/return-policy", policy),
                new Call("POST", "/orders/" + d.orderId() + "/disputes", Map.of("reason", "x", "message", "y")),
                new Call("GET", "/disputes/" + disputeId, null),
                new Call("GET", "/disputes/" + disputeId + "/messages", null),
                new Call("POST", "/disputes/" + disputeId + "/messages", message),
                new Call("GET", "/admin/disputes", null),
                new Call("POST", "/admin/disputes/" + disputeId + "/resolve", resolve));
        for (Call call : all) {
            assertThat(call(call.method(), call.path(), null, call.body()).status()).as(call + " without a token")
                    .isEqualTo(401);
        }

        String seller = user("SELLER").token();
        String customer = customer().token();
        // the wrong role, refused before the body is read
        for (Call call : List.of(all.get(0), all.get(1), all.get(9))) {
            assertForbidden(call, seller);
        }
        for (Call call : List.of(all.get(4), all.get(5), all.get(6), all.get(7), all.get(8), all.get(13),
                all.get(14))) {
            assertForbidden(call, customer);
        }
        assertForbidden(all.get(13), seller);
        assertForbidden(all.get(14), seller);
        assertForbidden(all.get(14), d.seller().token());

        // someone else's: as if it did not exist
        for (Call call : List.of(all.get(0), all.get(2), all.get(9), all.get(10), all.get(11), all.get(12))) {
            assertNotFound(call, customer);
        }
        for (Call call : List.of(all.get(2), all.get(4), all.get(5), all.get(6), all.get(7), all.get(8),
                all.get(10), all.get(11), all.get(12))) {
            assertNotFound(call, seller);
        }
        assertThat(ok(get("/returns/mine", customer)).body().path("totalItems").asLong()).isZero();
        assertThat(get("/stores/unknown-store/return-policy", null).status()).isEqualTo(404);

        // and the parties themselves get through
        assertThat(get("/returns/" + returnId, d.seller().token()).status()).isEqualTo(200);
        assertThat(get("/disputes/" + disputeId, user("ADMIN").token()).status()).isEqualTo(200);
        assertThat(ok(get("/returns/" + returnId, d.customer().token())).body().path("status").asString())
                .isEqualTo("REQUESTED");
    }

    private void assertForbidden(Call call, String token) {
        Response response = call(call.method(), call.path(), token, call.body());
        assertThat(response.status()).as(call + " in the wrong role: " + response.body()).isEqualTo(403);
    }

    private void assertNotFound(Call call, String token) {
        Response response = call(call.method(), call.path(), token, call.body());
        assertThat(response.status()).as(call + " by a stranger: " + response.body()).isEqualTo(404);
    }
}
