package io.haat.order.shipping;

import static io.haat.order.shipping.ShippingBodies.byWeight;
import static io.haat.order.shipping.ShippingBodies.flat;
import static io.haat.order.shipping.ShippingBodies.freeOver;
import static io.haat.order.shipping.ShippingBodies.in;
import static io.haat.order.shipping.ShippingBodies.region;
import static io.haat.order.shipping.ShippingBodies.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.haat.order.OrderIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /stores/{id}/shipping-methods} over HTTP with real JWTs: the seller's changes, public reads, refusals. */
class ShippingMethodApiTest extends OrderIntegrationTest {

    private static String methods(String storeId) {
        return "/stores/" + storeId + "/shipping-methods";
    }

    private Response create(User seller, String storeId, Map<String, Object> body) {
        return call("POST", methods(storeId), seller.token(), body);
    }

    private JsonNode created(User seller, String storeId, Map<String, Object> body) {
        Response response = create(seller, storeId, body);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body();
    }

    private static List<String> names(Response list) {
        return list.body().path("items").valueStream().map(item -> item.path("name").asString()).toList();
    }

    @Test
    void aSellerAddsReplacesAndDeactivatesMethodsThatAnyoneMayRead() {
        User seller = user("SELLER");
        String storeId = storeOf(seller);

        Response added = create(seller, storeId, in(byWeight("Valley courier", 5_000, 2_000),
                List.of(region("NP", "Bagmati", "Lumbini"))));
        assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
        String id = added.body().path("id").asString();
        assertThat(added.header("Location")).isEqualTo(methods(storeId) + "/" + id);
        assertThat(added.header("ETag")).isEqualTo("\"0\"");
        JsonNode method = added.body();
        assertThat(method.path("storeId").asString()).isEqualTo(storeId);
        assertThat(method.path("type").asString()).isEqualTo("BY_WEIGHT");
        assertThat(method.path("baseRate").asLong()).isEqualTo(5_000);
        assertThat(method.path("perKgRate").asLong()).isEqualTo(2_000);
        assertThat(method.path("everywhere").asBoolean()).isFalse();
        assertThat(method.path("regions").toString())
                .isEqualTo("[{\"country\":\"NP\",\"provinces\":[\"Bagmati\",\"Lumbini\"]}]");
        assertThat(method.path("active").asBoolean()).isTrue();
        created(seller, storeId, freeOver("Free over 2,000", 200_000, 15_000));

        // anyone reads the active ones, without a token or with any role
        Response anonymous = get(methods(storeId), null);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(names(anonymous)).containsExactly("Valley courier", "Free over 2,000");
        assertThat(anonymous.body().path("totalItems").asLong()).isEqualTo(2);
        assertThat(names(get(methods(storeId), customer().token()))).hasSize(2);
        assertThat(get(methods(storeId) + "/" + id, null).body().path("name").asString()).isEqualTo("Valley courier");

        // replaced with If-Match: a new version; the version it replaced is stale
        Response replaced = put(methods(storeId) + "/" + id, seller.token(), flat("Standard", 10_000),
                "If-Match", "\"0\"");
        assertThat(replaced.status()).as(replaced.body().toString()).isEqualTo(200);
        assertThat(replaced.header("ETag")).isEqualTo("\"1\"");
        assertThat(replaced.body().path("type").asString()).isEqualTo("FLAT");
        assertThat(replaced.body().path("flatRate").asLong()).isEqualTo(10_000);
        assertThat(replaced.body().path("perKgRate").isNull()).isTrue();
        assertThat(replaced.body().path("everywhere").asBoolean()).isTrue();
        assertThat(replaced.body().path("regions").size()).isZero();
        assertProblem(put(methods(storeId) + "/" + id, seller.token(), flat("Standard", 9_000), "If-Match", "\"0\""),
                412, "stale-version", null);
        assertProblem(put(methods(storeId) + "/" + id, seller.token(), with(flat("Standard", 9_000), "version", 0)),
                412, "stale-version", null);
        // the same terms again change nothing
        Response same = put(methods(storeId) + "/" + id, seller.token(), flat("Standard", 10_000), "If-Match", "\"1\"");
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.header("ETag")).isEqualTo("\"1\"");

        // deactivated: gone for customers, still there for its seller, and twice is fine
        assertThat(delete(methods(storeId) + "/" + id, seller.token()).status()).isEqualTo(204);
        assertThat(delete(methods(storeId) + "/" + id, seller.token()).status()).isEqualTo(204);
        assertThat(names(get(methods(storeId), null))).containsExactly("Free over 2,000");
        assertProblem(get(methods(storeId) + "/" + id, null), 404, "shipping-method-not-found", null);
        Response own = get(methods(storeId) + "/" + id, seller.token());
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body().path("active").asBoolean()).isFalse();
        assertThat(own.header("ETag")).isEqualTo("\"2\"");

        // and brought back by replacing it (active defaults to true)
        Response back = put(methods(storeId) + "/" + id, seller.token(), flat("Standard", 10_000));
        assertThat(back.body().path("active").asBoolean()).isTrue();
        assertThat(names(get(methods(storeId), null))).containsExactly("Standard", "Free over 2,000");
    }

    @Test
    void changesNeedASellerTokenBeforeTheBodyIsRead() {
        User seller = user("SELLER");
        String storeId = storeOf(seller);
        String id = created(seller, storeId, flat("Standard", 10_000)).path("id").asString();
        String one = methods(storeId) + "/" + id;

        assertProblem(call("POST", methods(storeId), null, flat("X", 1)), 401, "unauthorized", null);
        assertProblem(call("PUT", one, null, flat("X", 1)), 401, "unauthorized", null);
        assertProblem(call("DELETE", one, null, null), 401, "unauthorized", null);
        assertProblem(call("GET", methods(storeId), "garbage", null), 401, "unauthorized", null);

        for (String role : new String[] {"CUSTOMER", "ADMIN", "DELIVERY_AGENT"}) {
            String token = user(role).token();
            assertProblem(call("POST", methods(storeId), token, flat("X", 1)), 403, "forbidden", null);
            assertProblem(call("POST", methods(storeId), token, "{\"name\": "), 403, "forbidden", null);
            assertProblem(call("PUT", one, token, Map.of("minDays", -1)), 403, "forbidden", null);
            assertProblem(call("DELETE", one, token, null), 403, "forbidden", null);
        }
        assertThat(get(one, null).body().path("flatRate").asLong()).as("unchanged").isEqualTo(10_000);
    }

    @Test
    void anotherSellersStoreIsNotFoundAndSoIsAnUnknownMethod() {
        User seller = user("SELLER");
        String storeId = storeOf(seller);
        String id = created(seller, storeId, flat("Standard", 10_000)).path("id").asString();
        User other = user("SELLER");
        String otherStore = storeOf(other);

        assertProblem(create(other, storeId, flat("Mine now", 1)), 404, "store-not-found", null);
        assertProblem(put(methods(storeId) + "/" + id, other.token(), flat("Mine now", 1)), 404, "store-not-found",
                null);
        assertProblem(delete(methods(storeId) + "/" + id, other.token()), 404, "store-not-found", null);
        // its own store does not reach another store's method either
        assertProblem(put(methods(otherStore) + "/" + id, other.token(), flat("Mine now", 1)), 404,
                "shipping-method-not-found", null);
        assertProblem(delete(methods(otherStore) + "/" + id, other.token()), 404, "shipping-method-not-found", null);
        assertProblem(get(methods(otherStore) + "/" + id, null), 404, "shipping-method-not-found", null);

        String unknown = UUID.randomUUID().toString();
        assertProblem(put(methods(storeId) + "/" + unknown, seller.token(), flat("X", 1)), 404,
                "shipping-method-not-found", null);
        assertProblem(delete(methods(storeId) + "/" + unknown, seller.token()), 404, "shipping-method-not-found",
                null);
        assertProblem(get(methods(storeId) + "/" + unknown, seller.token()), 404, "shipping-method-not-found", null);
        assertProblem(get(methods(UUID.randomUUID().toString()), null), 404, "store-not-found", null);
        assertProblem(create(seller, UUID.randomUUID().toString(), flat("X", 1)), 404, "store-not-found", null);

        assertThat(get(methods(storeId) + "/" + id, null).body().path("name").asString()).isEqualTo("Standard");
    }

    @Test
    void badInputIsAFieldProblem() {
        User seller = user("SELLER");
        String storeId = storeOf(seller);
        Map<String, Object> good = flat("Standard", 10_000);

        Map<Map<String, Object>, String> bad = new java.util.LinkedHashMap<>();
        bad.put(with(good, "name", " "), "name");
        bad.put(with(good, "name", "n".repeat(81)), "name");
        bad.put(with(good, "type", null), "type");
        bad.put(with(good, "currency", "npr"), "currency");
        bad.put(with(good, "currency", "XYZ"), "currency");
        bad.put(with(good, "flatRate", null), "flatRate");
        bad.put(with(good, "flatRate", -1), "flatRate");
        bad.put(with(good, "perKgRate", 100), "perKgRate");
        bad.put(with(byWeight("W", 0, 100), "perKgRate", null), "perKgRate");
        bad.put(with(byWeight("W", 0, 100), "freeOver", 100), "freeOver");
        bad.put(with(freeOver("F", 100_000, 5_000), "freeOver", 0), "freeOver");
        bad.put(with(freeOver("F", 100_000, 5_000), "flatRate", null), "flatRate");
        bad.put(with(good, "minDays", -1), "minDays");
        bad.put(with(good, "maxDays", 61), "maxDays");
        bad.put(with(with(good, "minDays", 5), "maxDays", 4), "maxDays");
        bad.put(with(good, "maxDays", null), "maxDays");
        bad.put(with(good, "everywhere", null), "regions");
        bad.put(with(good, "regions", List.of(region("NP"))), "regions");
        bad.put(in(good, List.of()), "regions");
        bad.put(in(good, List.of(region("XX"))), "regions[0].country");
        bad.put(in(good, List.of(region("np"))), "regions[0].country");
        bad.put(in(good, List.of(region("NP", "Bagmati"), region("NP", "Koshi"))), "regions[1].country");
        bad.put(in(good, List.of(region("NP", " "))), "regions[0].provinces[0]");
        bad.forEach((body, field) -> {
            Response response = create(seller, storeId, body);
            assertThat(response.status()).as(field + ": " + response.body()).isEqualTo(400);
            assertThat(response.problemType()).as(field).endsWith("/validation");
            assertThat(response.body().path("errors").findValuesAsString("field")).as(field).contains(field);
        });

        String id = created(seller, storeId, good).path("id").asString();
        assertProblem(put(methods(storeId) + "/" + id, seller.token(), with(good, "maxDays", 99)), 400, "validation",
                "maxDays");
        assertThat(create(seller, storeId, with(good, "type", "TELEPORT")).status()).isEqualTo(400);
        assertThat(call("POST", methods(storeId), seller.token(), "{\"name\": ").status()).isEqualTo(400);
        assertThat(put(methods(storeId) + "/not-a-uuid", seller.token(), good).status()).isEqualTo(400);
        assertThat(put(methods(storeId) + "/" + id, seller.token(), good, "If-Match", "yesterday").status())
                .isEqualTo(400);
        assertThat(get(methods(storeId) + "?size=101", null).status()).isEqualTo(400);
        assertThat(names(get(methods(storeId), null))).containsExactly("Standard");
    }

    @Test
    void aStoreHasAtMostTwentyActiveMethods() {
        User seller = user("SELLER");
        String storeId = storeOf(seller);
        String first = created(seller, storeId, flat("Method 1", 100)).path("id").asString();
        for (int i = 2; i <= 20; i++) {
            created(seller, storeId, flat("Method " + i, 100 * i));
        }

        assertProblem(create(seller, storeId, flat("Method 21", 1)), 422, "shipping-method-limit", null);
        assertThat(get(methods(storeId) + "?size=100", null).body().path("totalItems").asLong()).isEqualTo(20);

        assertThat(delete(methods(storeId) + "/" + first, seller.token()).status()).isEqualTo(204);
        created(seller, storeId, flat("Method 21", 1));
        // bringing the first back would make 21
        assertProblem(put(methods(storeId) + "/" + first, seller.token(), flat("Method 1", 100)), 422,
                "shipping-method-limit", null);
        // an inactive one may still be edited
        Response quiet = put(methods(storeId) + "/" + first, seller.token(), with(flat("Method 1", 50), "active", false));
        assertThat(quiet.status()).as(quiet.body().toString()).isEqualTo(200);
    }

    @Test
    void concurrentCreationsNeverPassTheLimit() throws Exception {
        User seller = user("SELLER");
        String storeId = storeOf(seller);
        for (int i = 1; i <= 16; i++) {
            created(seller, storeId, flat("Method " + i, i));
        }
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String name = "Racer " + i;
                calls.add(pool.submit(() -> {
                    start.await();
                    return create(seller, storeId, flat(name, 1)).status();
                }));
            }
            start.countDown();
            for (Future<Integer> call : calls) {
                statuses.add(call.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(4);
        assertThat(statuses).filteredOn(status -> status == 422).hasSize(4);
        assertThat(get(methods(storeId) + "?size=100", null).body().path("totalItems").asLong()).isEqualTo(20);
    }
}
