package io.haat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/**
 * What the attack suite attacks: a victim customer and a victim seller with one of everything they own (an address, a
 * cart line, a paid, delivered and reviewed order with a return, its payment, a notification, a chat; a store with a
 * product, stock, a coupon and a shipping method), and an intruder of each role who owns things of their own.
 */
final class AttackWorld {

    static final String COUPON = "VICTIM10";

    Accounts.Account victim;
    Accounts.Account intruder;
    Sellers.Store victimStore;
    Sellers.Store intruderStore;
    Sellers.Listed product;
    String addressId;
    String orderId;
    String sellerOrderId;
    String paymentId;
    String deliveryId;
    String reviewId;
    String returnId;
    String cartLineId;
    String notificationId;
    String chatId;
    String shippingMethodId;
    String disputeId;

    static AttackWorld build() {
        AttackWorld world = new AttackWorld();
        String category = Sellers.category("E2E Attack");
        world.victimStore = Sellers.approvedWithStore("E2E Victim");
        world.intruderStore = Sellers.approvedWithStore("E2E Intruder");
        world.product = Sellers.listAndStock(world.victimStore, category, "Victim vase", 100_000, 20);
        world.shippingMethodId = Sellers.flatShipping(world.victimStore, 0);
        Sellers.percentCoupon(world.victimStore, COUPON, 10);
        world.victim = Accounts.newVerified("CUSTOMER");
        world.intruder = Accounts.newVerified("CUSTOMER");
        String token = world.victim.accessToken();

        HttpResponse<String> address = Gateway.postJson("/api/v1/me/addresses", token, """
                {"recipient": "Victim Customer", "phone": "+9779800000001", "line1": "Durbar Marg 1",
                 "city": "Kathmandu", "region": "Bagmati", "postalCode": "44600", "country": "NP", "isDefault": true}""");
        assertThat(address.statusCode()).as(address.body()).isEqualTo(201);
        world.addressId = Gateway.json(address).get("id").asString();

        Shopping.addWhenPurchasable(token, world.product, 2);
        world.orderId = Shopping.checkout(token);
        Shopping.awaitStatus(token, world.orderId, "AWAITING_PAYMENT");
        world.paymentId = Shopping.pay(token, world.orderId).get("paymentId").asString();
        JsonNode order = Shopping.awaitStatus(token, world.orderId, "CONFIRMED");
        world.sellerOrderId = Shopping.sellerOrderOf(order, world.victimStore.storeId()).get("id").asString();

        Deliveries.sellerMove(world.victimStore, world.sellerOrderId, "process", "");
        Deliveries.sellerMove(world.victimStore, world.sellerOrderId, "ship", "{}");
        String courier = Deliveries.courierToken();
        world.deliveryId = Deliveries.deliveryId(token, world.orderId, world.victimStore.storeId());
        Deliveries.assign(world.deliveryId, Deliveries.subject(courier));
        Deliveries.step(courier, world.deliveryId, "PICKED_UP", null);
        Deliveries.step(courier, world.deliveryId, "OUT_FOR_DELIVERY", null);
        Deliveries.step(courier, world.deliveryId, "DELIVERED", "\"recipientName\": \"Victim Customer\"");
        Deliveries.awaitPart(token, world.orderId, world.victimStore.storeId(), "DELIVERED");

        AtomicReference<HttpResponse<String>> review = new AtomicReference<>();
        await("catalog accepts the victim's review").atMost(Shopping.SAGA).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    review.set(Gateway.postJson("/api/v1/products/" + world.product.productId() + "/reviews", token, """
                            {"rating": 4, "title": "Victim's review", "text": "Mine, not yours.", "orderId": "%s"}"""
                            .formatted(world.orderId)));
                    assertThat(review.get().statusCode()).as(review.get().body()).isEqualTo(201);
                });
        world.reviewId = Gateway.json(review.get()).get("id").asString();

        HttpResponse<String> returned = Gateway.postJson("/api/v1/orders/" + world.orderId + "/returns", token, """
                {"lines": [{"sku": "%s", "quantity": 1}], "reason": "CHANGED_MIND", "comment": "Victim's return"}
                """.formatted(world.product.sku()));
        assertThat(returned.statusCode()).as(returned.body()).isEqualTo(201);
        world.returnId = Gateway.json(returned).get("id").asString();

        HttpResponse<String> dispute = Gateway.postJson("/api/v1/orders/" + world.orderId + "/disputes", token, """
                {"sellerOrderId": "%s", "reason": "Victim's dispute", "message": "The vase was chipped."}"""
                .formatted(world.sellerOrderId));
        if (dispute.statusCode() == 201) {
            world.disputeId = Gateway.json(dispute).get("id").asString();
        } else {
            System.out.println("[attack] no dispute in the world (" + dispute.statusCode() + " " + dispute.body() + ")");
        }

        JsonNode cart = Shopping.addWhenPurchasable(token, world.product, 1);
        world.cartLineId = cart.get("items").get(0).get("id").asString();

        AtomicReference<HttpResponse<String>> chat = new AtomicReference<>();
        await("the victim's chat opens").atMost(Shopping.SAGA).pollInterval(Duration.ofSeconds(1)).until(() -> {
            chat.set(Gateway.postJson("/api/v1/chats", token, "{\"storeId\": \"%s\", \"message\": \"Victim asks\"}"
                    .formatted(world.victimStore.storeId())));
            return chat.get().statusCode() == 201 || chat.get().statusCode() == 200;
        });
        world.chatId = Gateway.json(chat.get()).path("chat").path("id").asString();

        AtomicReference<String> notification = new AtomicReference<>();
        await("a notification for the victim").atMost(Shopping.SAGA).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    HttpResponse<String> feed = Gateway.get("/api/v1/notifications", token);
                    assertThat(feed.statusCode()).as(feed.body()).isEqualTo(200);
                    JsonNode unread = null;
                    for (JsonNode item : Gateway.json(feed).get("items")) {
                        if (!item.path("read").asBoolean(true)) {
                            unread = item;
                        }
                    }
                    assertThat(unread).as(feed.body()).isNotNull();
                    notification.set(unread.get("id").asString());
                });
        world.notificationId = notification.get();
        return world;
    }

    /** Every account with new tokens (access tokens live five minutes; the suite runs longer). */
    void loginAgain() {
        victim = Accounts.loggedInAgain(victim);
        intruder = Accounts.loggedInAgain(intruder);
        victimStore = victimStore.loggedInAgain();
        intruderStore = intruderStore.loggedInAgain();
    }

    /** A real id of the victim's for the path parameter that follows {@code segment} (a random UUID if none). */
    String idAfter(String segment, String parameter) {
        return switch (segment) {
            case "stores" -> victimStore.storeId();
            case "products" -> product.productId();
            case "orders" -> orderId;
            case "seller-orders" -> sellerOrderId;
            case "returns" -> returnId;
            case "reviews" -> reviewId;
            case "chats" -> chatId;
            case "notifications" -> notificationId;
            case "addresses" -> addressId;
            case "items" -> cartLineId;
            case "payments" -> paymentId;
            case "deliveries" -> deliveryId;
            case "inventory" -> product.sku();
            case "coupons" -> COUPON;
            case "shipping-methods" -> shippingMethodId;
            case "disputes" -> disputeId != null ? disputeId : UUID.randomUUID().toString();
            case "users" -> victim.userId();
            case "sellers" -> victimStore.sellerId();
            case "wishlist" -> product.productId();
            default -> parameter.equals("provider") ? "SANDBOX" : UUID.randomUUID().toString();
        };
    }

    /** The victim's things as the victims see them, to compare before and after an attack. */
    Map<String, String> snapshot() {
        Map<String, String> seen = new LinkedHashMap<>();
        String customer = victim.accessToken();
        String seller = victimStore.token();
        JsonNode order = Gateway.json(Shopping.order(customer, orderId));
        seen.put("order status", order.path("status").asString() + " / "
                + Shopping.sellerOrderOf(order, victimStore.storeId()).path("status").asString());
        JsonNode address = Gateway.json(Gateway.get("/api/v1/me/addresses/" + addressId, customer));
        seen.put("address", address.path("recipient").asString() + ", " + address.path("line1").asString());
        JsonNode cart = Gateway.json(Gateway.get("/api/v1/cart", customer));
        seen.put("cart", cart.path("items").toString().replaceAll("\"(updatedAt|addedAt|unitPrice|price)\":[^,}]*", ""));
        JsonNode store = Gateway.json(Gateway.get("/api/v1/stores/" + victimStore.storeId(), null));
        seen.put("store", store.path("name").asString() + " " + store.path("status").asString());
        JsonNode listed = Gateway.json(Gateway.get("/api/v1/products/" + product.productId(), null));
        seen.put("product", listed.path("name").asString() + " " + listed.path("status").asString() + " "
                + listed.path("variants").size());
        seen.put("stock", Sellers.inventory(victimStore, product.sku()).path("quantity").asString());
        seen.put("coupon", Gateway.get("/api/v1/stores/" + victimStore.storeId() + "/coupons/" + COUPON, seller)
                .statusCode() + "");
        seen.put("shipping method", Gateway.get("/api/v1/stores/" + victimStore.storeId() + "/shipping-methods/"
                + shippingMethodId, null).statusCode() + "");
        String reviews = Gateway.get("/api/v1/products/" + product.productId() + "/reviews", null).body();
        seen.put("review", reviews.contains(reviewId) + " " + reviews.contains("Mine, not yours."));
        seen.put("return", Gateway.json(Gateway.get("/api/v1/returns/" + returnId, customer)).path("status").asString());
        String feed = Gateway.get("/api/v1/notifications", customer).body();
        for (JsonNode item : Gateway.JSON.readTree(feed).path("items")) {
            if (item.path("id").asString().equals(notificationId)) {
                seen.put("notification read", item.path("read").asString());
            }
        }
        JsonNode messages = Gateway.json(Gateway.get("/api/v1/chats/" + chatId + "/messages", customer));
        seen.put("chat messages", (messages.isArray() ? messages.size() : messages.path("items").size()) + "");
        seen.put("payment", Gateway.json(Gateway.get("/api/v1/payments/" + paymentId, customer)).path("status")
                .asString());
        return seen;
    }
}
