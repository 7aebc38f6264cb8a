package io.haat.order.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.order.FulfilmentSupport;
import io.haat.order.fulfilment.CompletionJob;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Delivery over HTTP: the delivery a shipment opens, automatic and admin assignment, the agent's panel and status
 * reports with the matching seller-order moves, cash on delivery, a parcel returned to the store, completion after
 * the return window; who may do each.
 */
class DeliveryApiTest extends FulfilmentSupport {

    @Autowired
    CompletionJob completion;

    private record Shipped(User customer, User seller, String orderId, String part, String deliveryId) {
    }

    /** A confirmed order of one new store, shipped by the store without a carrier (for the agents). */
    private Shipped shipped(String province, boolean cash) {
        User seller = user("SELLER");
        String store = sellingStore(seller);
        User customer = customer();
        Product tea = sellingProduct(store, "tea", 500, 10);
        String orderId = cash ? confirmedCashOrder(customer, province, tea) : confirmedOrder(customer, province, tea);
        String part = sellerOrderOf(customer, orderId, store);
        JsonNode shipped = ok(sellerPost(seller, part, "ship", null)).body();
        return new Shipped(customer, seller, orderId, part, shipped.path("delivery").path("id").asString());
    }

    private User agent(String... regions) {
        User agent = user("DELIVERY_AGENT");
        ok(put("/admin/delivery-agents/" + agent.id(), user("ADMIN").token(),
                Map.of("regions", List.of(regions), "active", true)));
        return agent;
    }

    private Response report(User agent, String deliveryId, Map<String, Object> body) {
        return post("/deliveries/" + deliveryId + "/status", agent.token(), body);
    }

    private static Map<String, Object> status(String status) {
        return Map.of("status", status, "location", Map.of("lat", 27.7172, "lng", 85.324));
    }

    @Test
    void aParcelWithoutACarrierWaitsForAnAgentAndAnAdminAssignsOne() {
        Shipped shipped = shipped(province(), false);
        JsonNode delivery = sellerOrderView(shipped.customer(), shipped.orderId(), shipped.part()).path("delivery");
        assertThat(delivery.path("status").asString()).isEqualTo("AWAITING_AGENT");
        assertThat(delivery.path("agentId").isNull() || delivery.path("agentId").isMissingNode()).isTrue();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        // Standard is 3-5 days: counted again from the day of shipment
        assertThat(delivery.path("estimatedFrom").asString()).isEqualTo(today.plusDays(3).toString());
        assertThat(delivery.path("estimatedTo").asString()).isEqualTo(today.plusDays(5).toString());

        User courier = user("DELIVERY_AGENT");
        User admin = user("ADMIN");
        JsonNode assigned = ok(post("/admin/deliveries/" + shipped.deliveryId() + "/assign", admin.token(),
                Map.of("agentId", courier.id()))).body();
        assertThat(assigned.path("status").asString()).isEqualTo("ASSIGNED");
        assertThat(assigned.path("agentId").asString()).isEqualTo(courier.id());
        assertThat(ok(post("/admin/deliveries/" + shipped.deliveryId() + "/assign", admin.token(),
                Map.of("agentId", courier.id()))).body().path("steps")).hasSize(2);
        assertThat(audited("delivery", shipped.deliveryId())).containsExactly("delivery.assign");
        assertThat(outboxPayloads(shipped.orderId(), "DeliveryStatusChanged").stream()
                .map(e -> e.path("status").asString())).containsExactly("AWAITING_AGENT", "ASSIGNED");

        // the registry knows the agent now, without regions
        JsonNode agents = ok(get("/admin/delivery-agents?size=100", admin.token())).body();
        assertThat(agents.path("totalItems").asLong()).isPositive();

        assertProblem(post("/admin/deliveries/" + UUID.randomUUID() + "/assign", admin.token(),
                Map.of("agentId", courier.id())), 404, "delivery-not-found", null);
        assertProblem(post("/admin/deliveries/" + shipped.deliveryId() + "/assign", admin.token(), Map.of()), 400,
                "validation", "agentId");
        User resting = user("DELIVERY_AGENT");
        ok(put("/admin/delivery-agents/" + resting.id(), admin.token(), Map.of("regions", List.of(), "active",
                false)));
        assertProblem(post("/admin/deliveries/" + shipped.deliveryId() + "/assign", admin.token(),
                Map.of("agentId", resting.id())), 422, "agent-inactive", null);
        assertProblem(put("/admin/delivery-agents/" + resting.id(), admin.token(), Map.of("regions",
                List.of("Nepal!"), "active", true)), 400, "validation", null);
    }

    @Test
    void theAgentDeliversStepByStepAndTheSellerOrderFollows() {
        String province = province();
        User courier = agent("NP/" + province);
        Shipped shipped = shipped(province, false);
        String id = shipped.deliveryId();

        JsonNode mine = ok(get("/deliveries/mine", courier.token())).body().path("items");
        assertThat(mine).hasSize(1);
        JsonNode listed = mine.get(0);
        assertThat(listed.path("id").asString()).isEqualTo(id);
        assertThat(listed.path("status").asString()).isEqualTo("ASSIGNED");
        assertThat(listed.path("pickup").path("storeName").asString()).startsWith("Store ");
        assertThat(listed.path("dropOff").path("line1").asString()).isEqualTo("Thamel 12");
        assertThat(listed.path("cashDue").path("amountMinor").asLong()).isZero();

        User other = user("DELIVERY_AGENT");
        assertProblem(report(other, id, status("PICKED_UP")), 404, "delivery-not-found", null);
        assertThat(ok(get("/deliveries/mine", other.token())).body().path("items")).isEmpty();
        assertProblem(report(courier, id, status("DELIVERED")), 409, "illegal-delivery-transition", null);
        assertProblem(report(courier, id, status("ASSIGNED")), 400, "validation", "status");
        assertProblem(report(courier, id, Map.of("status", "PICKED_UP", "location", Map.of("lat", 91, "lng", 0))),
                400, "validation", "location.lat");
        assertProblem(report(courier, id, Map.of("status", "LOST")), 400, null, null);

        ok(report(courier, id, status("PICKED_UP")));
        assertThat(ok(report(courier, id, status("PICKED_UP"))).body().path("steps")).hasSize(3);
        JsonNode out = ok(report(courier, id, status("OUT_FOR_DELIVERY"))).body();
        String today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
        assertThat(out.path("estimatedFrom").asString()).isEqualTo(today);
        assertThat(out.path("estimatedTo").asString()).isEqualTo(today);
        assertThat(sellerOrderView(shipped.customer(), shipped.orderId(), shipped.part()).path("status").asString())
                .isEqualTo("OUT_FOR_DELIVERY");

        assertProblem(report(courier, id, Map.of("status", "FAILED")), 400, "validation", "note");
        ok(report(courier, id, Map.of("status", "FAILED", "note", "nobody home")));
        JsonNode again = ok(report(courier, id, status("OUT_FOR_DELIVERY"))).body();
        assertThat(again.path("attempts").asInt()).isEqualTo(2);
        JsonNode done = ok(report(courier, id, Map.of("status", "DELIVERED", "recipientName", "Sita",
                "location", Map.of("lat", 27.7, "lng", 85.3)))).body();
        assertThat(done.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(done.path("steps").get(done.path("steps").size() - 1).path("recipientName").asString())
                .isEqualTo("Sita");

        JsonNode part = sellerOrderView(shipped.customer(), shipped.orderId(), shipped.part());
        assertThat(part.path("status").asString()).isEqualTo("DELIVERED");
        JsonNode steps = part.path("delivery").path("steps");
        assertThat(steps.findValuesAsString("status")).containsExactly("AWAITING_AGENT", "ASSIGNED", "PICKED_UP",
                "OUT_FOR_DELIVERY", "FAILED", "OUT_FOR_DELIVERY", "DELIVERED");
        assertThat(steps.get(2).path("location").path("lat").asDouble()).isEqualTo(27.7172);
        assertThat(steps.get(2).path("at").asString()).isNotBlank();
        assertThat(events(order(shipped.customer(), shipped.orderId()))).contains("SHIPPED", "OUT_FOR_DELIVERY",
                "DELIVERED");
        assertThat(outboxPayloads(shipped.orderId(), "SellerOrderStatusChanged").stream()
                .map(e -> e.path("status").asString()))
                .containsExactly("CONFIRMED", "SHIPPED", "OUT_FOR_DELIVERY", "DELIVERED");
        List<JsonNode> deliveryEvents = outboxPayloads(shipped.orderId(), "DeliveryStatusChanged");
        assertThat(deliveryEvents).hasSize(7);
        assertThat(deliveryEvents.get(2).path("location").path("lng").asDouble()).isEqualTo(85.324);
        assertThat(deliveryEvents.get(4).path("note").asString()).isEqualTo("nobody home");
        assertThat(deliveryEvents.getLast().path("agentId").asString()).isEqualTo(courier.id());
        assertProblem(report(courier, id, Map.of("status", "FAILED", "note", "late")), 409,
                "illegal-delivery-transition", null);

        // finished deliveries come after open ones on the panel
        Shipped next = shipped(province, false);
        List<String> panel = new ArrayList<>();
        ok(get("/deliveries/mine", courier.token())).body().path("items")
                .forEach(item -> panel.add(item.path("id").asString()));
        assertThat(panel).containsExactly(next.deliveryId(), id);
    }

    @Test
    void cashOnDeliveryNeedsExactlyTheCashDue() {
        String province = province();
        User courier = agent("NP/" + province);
        Shipped shipped = shipped(province, true);
        String id = shipped.deliveryId();
        JsonNode listed = ok(get("/deliveries/mine", courier.token())).body().path("items").get(0);
        assertThat(listed.path("cashDue").path("amountMinor").asLong()).isEqualTo(600);
        ok(report(courier, id, status("PICKED_UP")));
        ok(report(courier, id, status("OUT_FOR_DELIVERY")));

        assertProblem(report(courier, id, status("DELIVERED")), 422, "cod-amount-mismatch", null);
        assertProblem(report(courier, id, Map.of("status", "DELIVERED", "codCollected",
                Map.of("amountMinor", 500, "currency", "NPR"))), 422, "cod-amount-mismatch", null);
        assertProblem(report(courier, id, Map.of("status", "DELIVERED", "codCollected",
                Map.of("amountMinor", 600, "currency", "USD"))), 422, "cod-amount-mismatch", null);
        assertThat(outbox(shipped.orderId())).doesNotContain("CashCollected");

        ok(report(courier, id, Map.of("status", "DELIVERED", "codCollected",
                Map.of("amountMinor", 600, "currency", "NPR"))));
        JsonNode collected = outboxPayload(shipped.orderId(), "CashCollected");
        assertThat(collected.path("deliveryId").asString()).isEqualTo(id);
        assertThat(collected.path("sellerOrderId").asString()).isEqualTo(shipped.part());
        assertThat(collected.path("agentId").asString()).isEqualTo(courier.id());
        assertThat(money(collected.path("amount"))).isEqualTo(npr(600));
        // a repeated report changes nothing and collects nothing twice
        ok(report(courier, id, Map.of("status", "DELIVERED", "codCollected",
                Map.of("amountMinor", 600, "currency", "NPR"))));
        assertThat(outboxPayloads(shipped.orderId(), "CashCollected")).hasSize(1);
    }

    @Test
    void aParcelThatCannotBeDeliveredGoesBackToTheStore() {
        String province = province();
        User courier = agent("NP/" + province);
        Shipped shipped = shipped(province, false);
        String id = shipped.deliveryId();
        ok(report(courier, id, status("PICKED_UP")));
        assertProblem(report(courier, id, status("RETURNED_TO_SELLER")), 409, "illegal-delivery-transition", null);
        ok(report(courier, id, Map.of("status", "FAILED", "note", "address does not exist")));
        JsonNode back = ok(report(courier, id, status("RETURNED_TO_SELLER"))).body();
        assertThat(back.path("status").asString()).isEqualTo("RETURNED_TO_SELLER");
        JsonNode order = order(shipped.customer(), shipped.orderId());
        // the order's only part: the whole order is cancelled (OrderCancelled refunds and restocks)
        assertThat(order.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(order.path("cancellation").path("detail").asString()).contains("address does not exist");
        assertThat(outbox(shipped.orderId())).endsWith("OrderCancelled");
    }

    @Test
    void automaticAssignmentPicksTheLeastLoadedActiveAgentOfTheRegionEvenUnderConcurrency() throws Exception {
        String province = province();
        User first = agent("NP/" + province);
        User second = agent("NP/" + province);
        User elsewhere = agent("IN");
        User inactive = user("DELIVERY_AGENT");
        ok(put("/admin/delivery-agents/" + inactive.id(), user("ADMIN").token(),
                Map.of("regions", List.of("NP/" + province), "active", false)));

        List<Callable<String>> ships = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            User seller = user("SELLER");
            String store = sellingStore(seller);
            User customer = customer();
            String orderId = confirmedOrder(customer, province.toLowerCase(), sellingProduct(store, "tea", 500, 10));
            String part = sellerOrderOf(customer, orderId, store);
            ships.add(() -> ok(sellerPost(seller, part, "ship", null)).body().path("delivery").path("agentId")
                    .asString());
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        Map<String, Integer> load = new HashMap<>();
        try {
            for (Future<String> agentId : pool.invokeAll(ships)) {
                load.merge(agentId.get(), 1, Integer::sum);
            }
        } finally {
            pool.shutdown();
        }
        // every parcel has exactly one agent, one of the two active ones serving the province, both in use
        assertThat(load.keySet()).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(load.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(6);
        for (User agent : List.of(first, second)) {
            List<String> statuses = new ArrayList<>();
            ok(get("/deliveries/mine", agent.token())).body().path("items")
                    .forEach(item -> statuses.add(item.path("status").asString()));
            assertThat(statuses).hasSize(load.get(agent.id())).allMatch("ASSIGNED"::equals);
        }
        assertThat(ok(get("/deliveries/mine", elsewhere.token())).body().path("items")).isEmpty();
        assertThat(ok(get("/deliveries/mine", inactive.token())).body().path("items")).isEmpty();

        // sequential shipments go to the less loaded one
        int before = load.get(first.id());
        int other = load.get(second.id());
        Shipped next = shipped(province, false);
        String expected = before <= other ? first.id() : second.id();
        if (before == other) {
            assertThat(sellerOrderView(next.customer(), next.orderId(), next.part()).path("delivery").path("agentId")
                    .asString()).isIn(first.id(), second.id());
        } else {
            assertThat(sellerOrderView(next.customer(), next.orderId(), next.part()).path("delivery").path("agentId")
                    .asString()).isEqualTo(expected);
        }
    }

    @Test
    void aDeliveredSellerOrderCompletesWhenItsReturnWindowIsOver() {
        User seller = user("SELLER");
        String store = sellingStore(seller);
        User customer = customer();
        String orderId = confirmedOrder(customer, province(), sellingProduct(store, "tea", 500, 10));
        String part = sellerOrderOf(customer, orderId, store);
        ok(sellerPost(seller, part, "ship", Map.of("carrier", "Nepal Post")));
        ok(sellerPost(seller, part, "delivered", null));

        completion.completeDue();
        assertThat(sellerOrderView(customer, orderId, part).path("status").asString()).isEqualTo("DELIVERED");
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        assertThat(completion.completeDue()).isPositive();
        assertThat(sellerOrderView(customer, orderId, part).path("status").asString()).isEqualTo("COMPLETED");
        JsonNode completed = outboxPayloads(orderId, "SellerOrderStatusChanged").getLast();
        assertThat(completed.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(completed.path("amount").path("amountMinor").asLong()).isEqualTo(600);
        completion.completeDue();
        assertThat(outboxPayloads(orderId, "SellerOrderStatusChanged")).hasSize(4);
    }

    @Test
    void everyDeliveryEndpointNeedsItsRole() {
        String id = "/" + UUID.randomUUID();
        String assign = "/admin/deliveries" + id + "/assign";
        String agentPath = "/admin/delivery-agents/" + UUID.randomUUID();
        String statusPath = "/deliveries" + id + "/status";
        for (String[] endpoint : new String[][] {{"GET", "/deliveries/mine"}, {"POST", statusPath},
                {"POST", assign}, {"GET", "/admin/delivery-agents"}, {"PUT", agentPath}}) {
            assertThat(call(endpoint[0], endpoint[1], null, "{}").status()).as(endpoint[1]).isEqualTo(401);
        }
        for (String role : new String[] {"CUSTOMER", "SELLER", "ADMIN"}) {
            assertProblem(get("/deliveries/mine", user(role).token()), 403, "forbidden", null);
            assertProblem(call("POST", statusPath, user(role).token(), "{\"broken\": "), 403, "forbidden", null);
        }
        for (String role : new String[] {"CUSTOMER", "SELLER", "DELIVERY_AGENT"}) {
            assertProblem(call("POST", assign, user(role).token(), "{\"broken\": "), 403, "forbidden", null);
            assertProblem(get("/admin/delivery-agents", user(role).token()), 403, "forbidden", null);
            assertProblem(call("PUT", agentPath, user(role).token(), "{}"), 403, "forbidden", null);
        }
        assertProblem(post(statusPath, user("DELIVERY_AGENT").token(), status("PICKED_UP")), 404,
                "delivery-not-found", null);
    }
}
