package io.haat.order.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.order.returns.AfterSalesSupport;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Disputes through HTTP, PostgreSQL and the outbox: opening, messages of every party, resolution and its refund. */
class DisputeApiTest extends AfterSalesSupport {

    private Response open(Delivered d, Map<String, Object> body) {
        return post("/orders/" + d.orderId() + "/disputes", d.customer().token(), body);
    }

    @Test
    void partiesTalkAndAnAdminResolvesWithARefund() {
        Delivered d = delivered(1);
        Response opened = open(d, Map.of("reason", "Parcel arrived empty", "message", "The box had nothing in it."));
        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
        String id = opened.body().path("id").asString();
        assertThat(opened.body().path("status").asString()).isEqualTo("OPEN");
        assertThat(opened.body().path("sellerOrderId").asString()).isEqualTo(d.sellerOrderId());
        assertProblem(open(d, Map.of("reason", "again", "message", "again")), 409, "dispute-already-open", null);

        User admin = user("ADMIN");
        assertThat(post("/disputes/" + id + "/messages", d.seller().token(), Map.of("body", "We shipped it full."))
                .status()).isEqualTo(201);
        assertThat(post("/disputes/" + id + "/messages", admin.token(), Map.of("body", "Photos, please?"))
                .status()).isEqualTo(201);
        assertThat(post("/disputes/" + id + "/messages", d.customer().token(), Map.of("body", "Attached."))
                .status()).isEqualTo(201);
        JsonNode messages = ok(get("/disputes/" + id + "/messages", d.seller().token())).body();
        assertThat(messages).hasSize(4);
        assertThat(messages.get(1).path("authorRole").asString()).isEqualTo("SELLER");
        assertThat(messages.get(2).path("authorRole").asString()).isEqualTo("ADMIN");
        assertThat(get("/disputes/" + id + "/messages", customer().token()).status()).isEqualTo(404);
        assertThat(post("/disputes/" + id + "/messages", user("SELLER").token(), Map.of("body", "hi")).status())
                .isEqualTo(404);

        JsonNode open = ok(get("/admin/disputes?status=OPEN&size=100", admin.token())).body();
        assertThat(open.path("items").findValuesAsString("id")).contains(id);

        // paid 1100 (1000 + 100 shipping): more is refused, the order stays as it was
        assertProblem(post("/admin/disputes/" + id + "/resolve", admin.token(), Map.of("outcome", "PARTIAL_REFUND",
                "amount", Map.of("amountMinor", 1101, "currency", "NPR"), "note", "all of it")), 422,
                "refund-exceeds-paid", null);
        JsonNode resolved = ok(post("/admin/disputes/" + id + "/resolve", admin.token(), Map.of("outcome",
                "PARTIAL_REFUND", "amount", Map.of("amountMinor", 300, "currency", "NPR"), "note", "goodwill")))
                .body();
        assertThat(resolved.path("status").asString()).isEqualTo("RESOLVED");
        assertThat(money(resolved.path("refund"))).isEqualTo(npr(300));
        JsonNode refund = outboxPayload(d.orderId(), "RefundRequested");
        assertThat(refund.path("requestId").asString()).isEqualTo("dispute:" + id);
        assertThat(money(refund.path("amount"))).isEqualTo(npr(300));
        assertThat(refund.path("reason").asString()).isEqualTo("DISPUTE");
        assertThat(outboxPayloads(d.orderId(), "DisputeChanged")).map(p -> p.path("kind").asString())
                .containsExactly("OPENED", "MESSAGE", "MESSAGE", "MESSAGE", "RESOLVED");
        assertThat(audited("dispute", id)).containsExactly("dispute.open", "dispute.message", "dispute.message",
                "dispute.message", "dispute.resolve");
        assertProblem(post("/disputes/" + id + "/messages", d.customer().token(), Map.of("body", "thanks")), 409,
                "illegal-dispute-transition", null);

        // a second dispute may be opened now; a full refund is what is left: 1100 - 300 promised
        String second = open(d, Map.of("reason", "still unhappy", "message", "more")).body().path("id").asString();
        JsonNode full = ok(post("/admin/disputes/" + second + "/resolve", admin.token(),
                Map.of("outcome", "FULL_REFUND", "note", "all the rest"))).body();
        assertThat(money(full.path("refund"))).isEqualTo(npr(800));
        String third = open(d, Map.of("reason", "and again", "message", "more")).body().path("id").asString();
        assertProblem(post("/admin/disputes/" + third + "/resolve", admin.token(), Map.of("outcome",
                "PARTIAL_REFUND", "amount", Map.of("amountMinor", 1, "currency", "NPR"), "note", "one more")), 422,
                "refund-exceeds-paid", null);
        assertThat(ok(post("/admin/disputes/" + third + "/resolve", admin.token(),
                Map.of("outcome", "REJECTED", "note", "nothing left"))).body().path("outcome").asString())
                .isEqualTo("REJECTED");
    }

    @Test
    void aDisputeOnAReturnHoldsCompletionAndNamesItsReturn() {
        Delivered d = delivered(1);
        String returnId = returned(d, 1, "DAMAGED");
        ok(post("/returns/" + returnId + "/reject", d.seller().token(), Map.of("reason", "not damaged")));
        assertThat(afterSales.holdsCompletion(UUID.fromString(d.sellerOrderId()))).isFalse();
        Response opened = open(d, Map.of("returnId", returnId, "reason", "It is damaged", "message", "See photo"));
        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
        assertThat(opened.body().path("returnId").asString()).isEqualTo(returnId);
        assertThat(afterSales.holdsCompletion(UUID.fromString(d.sellerOrderId()))).isTrue();
        assertProblem(open(d, Map.of("returnId", UUID.randomUUID().toString(), "reason", "x", "message", "y")), 404,
                "return-not-found", null);
        assertProblem(open(d, Map.of("sellerOrderId", UUID.randomUUID().toString(), "reason", "x", "message", "y")),
                400, "validation", "sellerOrderId");
        assertProblem(open(d, Map.of("reason", "", "message", "y")), 400, "validation", "reason");
    }
}
