package io.haat.order.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.payment.PaymentCaptured;
import io.haat.events.payment.PaymentProvider;
import io.haat.order.OrderSagaSupport;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The order reads and who may make them: the customer's own orders, a store's seller orders for its owner, and
 * payment-service's look-up; 401 without a token, 403 in the wrong role (before a body is read), 404 for another
 * customer's order or another seller's store.
 */
class OrderApiTest extends OrderSagaSupport {

    private void confirm(String orderId, long amount) {
        deliverSaga(envelope(reserved(orderId)));
        deliverSaga(envelope(new PaymentCaptured("pay-" + orderId, orderId, PaymentProvider.SANDBOX, 1, npr(amount),
                clock.instant())));
    }

    @Test
    void myOrdersNewestFirstPagedAndByStatus() {
        User customer = customer();
        String store = sellingStore();
        Product tea = sellingProduct(store, "tea", 500, 10);
        String first = placeOrder(customer, "SANDBOX", tea);
        String second = placeOrder(customer, "COD", tea);
        deliverSaga(envelope(reserved(first)));

        JsonNode all = ok(get("/orders", customer.token())).body();
        assertThat(all.path("totalItems").asLong()).isEqualTo(2);
        assertThat(all.path("items").findValuesAsString("id")).containsExactly(second, first);
        assertThat(all.path("items").get(0).path("itemCount").asInt()).isEqualTo(1);
        JsonNode awaiting = ok(get("/orders?status=awaiting_payment", customer.token())).body();
        assertThat(awaiting.path("items").findValuesAsString("id")).containsExactly(first);
        JsonNode paged = ok(get("/orders?page=1&size=1", customer.token())).body();
        assertThat(paged.path("items").findValuesAsString("id")).containsExactly(first);
        assertProblem(get("/orders?status=LOST", customer.token()), 400, "validation", "status");
        assertProblem(get("/orders?size=0", customer.token()), 400, "validation", "size");
        assertThat(get("/orders?page=x", customer.token()).status()).isEqualTo(400);
        assertThat(ok(get("/orders", customer().token())).body().path("totalItems").asLong()).isZero();
    }

    @Test
    void oneOrderShowsItsPartsPaymentAndTimelineToItsCustomerOnly() {
        User customer = customer();
        Product tea = sellingProduct(sellingStore(), "tea", 500, 10);
        String orderId = placeOrder(customer, "SANDBOX", tea);
        confirm(orderId, 600);

        JsonNode order = order(customer, orderId);
        assertThat(order.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(money(order.path("merchandise"))).isEqualTo(npr(500));
        assertThat(money(order.path("shipping"))).isEqualTo(npr(100));
        assertThat(money(order.path("discount"))).isEqualTo(npr(0));
        assertThat(money(order.path("payment").path("captured"))).isEqualTo(npr(600));
        assertThat(order.path("timeline").findValuesAsString("status")).endsWith("CONFIRMED");
        assertThat(order.path("timeline").get(0).path("at").asString()).isNotBlank();

        User other = customer();
        assertProblem(get("/orders/" + orderId, other.token()), 404, "order-not-found", null);
        assertProblem(call("POST", "/orders/" + orderId + "/cancel", other.token(), null), 404, "order-not-found",
                null);
        assertThat(status(customer, orderId)).isEqualTo("CONFIRMED");
        assertProblem(get("/orders/" + UUID.randomUUID(), customer.token()), 404, "order-not-found", null);
        assertThat(get("/orders/not-an-id", customer.token()).status()).isEqualTo(400);
    }

    @Test
    void aSellerSeesOnlyTheirStoresConfirmedPartsWithWhereToShipThem() {
        User ownerA = user("SELLER");
        User ownerB = user("SELLER");
        String storeA = sellingStore(ownerA);
        String storeB = sellingStore(ownerB);
        Product tea = sellingProduct(storeA, "tea", 500, 10);
        Product mug = sellingProduct(storeB, "mug", 700, 10);
        User customer = customer();
        String orderId = placeOrder(customer, "SANDBOX", tea, mug);
        assertThat(ok(get("/stores/" + storeA + "/orders", ownerA.token())).body().path("items")).isEmpty();

        confirm(orderId, 1400);

        JsonNode list = ok(get("/stores/" + storeA + "/orders", ownerA.token())).body();
        assertThat(list.path("totalItems").asLong()).isEqualTo(1);
        JsonNode part = list.path("items").get(0);
        assertThat(part.path("orderId").asString()).isEqualTo(orderId);
        assertThat(part.path("storeId").asString()).isEqualTo(storeA);
        assertThat(part.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(part.path("items").findValuesAsString("sku")).containsExactly("SKU-tea");
        assertThat(money(part.path("total"))).isEqualTo(npr(600));
        assertThat(part.path("shipTo").path("city").asString()).isEqualTo("Kathmandu");
        assertThat(part.toString()).doesNotContain(customer.id()).doesNotContain("SKU-mug");
        assertThat(ok(get("/stores/" + storeA + "/orders?status=CONFIRMED", ownerA.token())).body()
                .path("totalItems").asLong()).isEqualTo(1);
        assertThat(ok(get("/stores/" + storeA + "/orders?status=shipped", ownerA.token())).body()
                .path("totalItems").asLong()).isZero();
        assertProblem(get("/stores/" + storeA + "/orders?status=LOST", ownerA.token()), 400, "validation", "status");

        assertProblem(get("/stores/" + storeA + "/orders", ownerB.token()), 404, "store-not-found", null);
        assertProblem(get("/stores/" + UUID.randomUUID() + "/orders", ownerB.token()), 404, "store-not-found", null);
    }

    @Test
    void paymentServiceLooksAnOrderUpWithItsServiceTokenOnly() {
        User customer = customer();
        Product tea = sellingProduct(sellingStore(), "tea", 500, 10);
        String orderId = placeOrder(customer, "KHALTI", tea);
        deliverSaga(envelope(reserved(orderId)));
        String service = JWTS.serviceToken();
        String path = "/internal/orders/" + orderId + "/payable";

        JsonNode payable = ok(get(path, service)).body();
        assertThat(payable.path("orderId").asString()).isEqualTo(orderId);
        assertThat(payable.path("customerId").asString()).isEqualTo(customer.id());
        assertThat(payable.path("status").asString()).isEqualTo("AWAITING_PAYMENT");
        assertThat(money(payable.path("total"))).isEqualTo(npr(600));
        assertThat(payable.path("sellerOrders")).hasSize(1);
        assertThat(payable.path("payment").path("provider").asString()).isEqualTo("KHALTI");
        assertThat(payable.path("paymentDeadline").asString()).isNotBlank();

        assertProblem(get(path, customer.token()), 403, "forbidden", null);
        assertProblem(get(path, user("ADMIN").token()), 403, "forbidden", null);
        // a user account given a realm role named SERVICE is still no service
        assertProblem(get(path, JWTS.builder().subject(customer.id()).roles("SERVICE", "CUSTOMER").sign()), 403,
                "forbidden", null);
        assertThat(get(path, null).status()).isEqualTo(401);
        assertProblem(get("/internal/orders/" + UUID.randomUUID() + "/payable", service), 404, "order-not-found",
                null);
    }

    private record Endpoint(String method, String path, Object body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Test
    void everyEndpointNeedsATokenAndItsRoleBeforeTheBodyIsRead() {
        String order = "/orders/" + UUID.randomUUID();
        String store = sellingStore();
        List<Endpoint> customerOnly = List.of(
                new Endpoint("POST", "/checkout", Map.of("paymentMethod", "SANDBOX")),
                new Endpoint("GET", "/orders", null),
                new Endpoint("GET", order, null),
                new Endpoint("POST", order + "/cancel", null));
        Endpoint sellerOnly = new Endpoint("GET", "/stores/" + store + "/orders", null);
        Endpoint internal = new Endpoint("GET", "/internal/orders/" + UUID.randomUUID() + "/payable", null);

        for (Endpoint endpoint : List.of(customerOnly.get(0), customerOnly.get(1), customerOnly.get(2),
                customerOnly.get(3), sellerOnly, internal)) {
            Response response = call(endpoint.method(), endpoint.path(), null, endpoint.body(),
                    "Idempotency-Key", "k");
            assertThat(response.status()).as(endpoint.toString()).isEqualTo(401);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
        for (String role : new String[] {"SELLER", "ADMIN", "DELIVERY_AGENT"}) {
            for (Endpoint endpoint : customerOnly) {
                Response response = call(endpoint.method(), endpoint.path(), user(role).token(), endpoint.body(),
                        "Idempotency-Key", "k");
                assertThat(response.status()).as(role + " " + endpoint).isEqualTo(403);
            }
            assertThat(call("POST", "/checkout", user(role).token(), "{\"broken\": ", "Idempotency-Key", "k")
                    .status()).as(role + " with a broken body").isEqualTo(403);
        }
        for (String role : new String[] {"CUSTOMER", "ADMIN"}) {
            assertThat(get(sellerOnly.path(), user(role).token()).status()).as(role + " " + sellerOnly).isEqualTo(403);
        }
    }
}
