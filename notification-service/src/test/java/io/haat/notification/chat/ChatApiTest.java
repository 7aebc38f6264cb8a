package io.haat.notification.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.notification.live.StompWire;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Live chat over HTTP: opening, listing with unread counts, paging, read receipts, participants only, limits. */
class ChatApiTest extends LiveChatTest {

    @Test
    void aCustomerAndAStoresSellerTalkWithUnreadCountsAndReadReceipts() {
        Shop shop = shop();
        User customer = user("CUSTOMER");
        Response opened = call("POST", "/chats", customer.token(),
                Map.of("storeId", shop.storeId(), "message", "Do you ship to Pokhara?"));
        assertThat(opened.status()).isEqualTo(201);
        String chatId = opened.body().path("chat").path("id").asString();
        assertThat(opened.header("Location")).isEqualTo("/chats/" + chatId);
        assertThat(opened.body().path("chat").path("storeName").asString()).isEqualTo("Pashmina House");
        assertThat(opened.body().path("message").path("read").asBoolean()).isFalse();

        Response again = call("POST", "/chats", customer.token(), Map.of("storeId", shop.storeId(), "message", "Hello?"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("chat").path("id").asString()).isEqualTo(chatId);

        JsonNode sellersChat = only(call("GET", "/chats", shop.seller().token(), null));
        assertThat(sellersChat.path("id").asString()).isEqualTo(chatId);
        assertThat(sellersChat.path("side").asString()).isEqualTo("AGENT");
        assertThat(sellersChat.path("unread").asLong()).isEqualTo(2);
        assertThat(only(call("GET", "/chats", customer.token(), null)).path("unread").asLong()).isZero();

        JsonNode page = call("GET", "/chats/" + chatId + "/messages?size=1", shop.seller().token(), null).body();
        assertThat(page.path("totalItems").asLong()).isEqualTo(2);
        assertThat(page.path("items").get(0).path("body").asString()).isEqualTo("Hello?"); // newest first
        JsonNode older = call("GET", "/chats/" + chatId + "/messages?size=1&page=1", shop.seller().token(), null).body();
        assertThat(older.path("items").get(0).path("body").asString()).isEqualTo("Do you ship to Pokhara?");

        Response read = call("POST", "/chats/" + chatId + "/read", shop.seller().token(), null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("unread").asLong()).isZero();
        JsonNode customersView = call("GET", "/chats/" + chatId + "/messages", customer.token(), null).body();
        assertThat(customersView.path("items").findValuesAsString("read")).containsOnly("true");

        Response reply = call("POST", "/chats/" + chatId + "/messages", shop.seller().token(),
                Map.of("message", "Yes, in 3 days."));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.body().path("side").asString()).isEqualTo("AGENT");
        assertThat(only(call("GET", "/chats", customer.token(), null)).path("unread").asLong()).isEqualTo(1);
        assertThat(only(call("GET", "/chats", shop.seller().token(), null)).path("unread").asLong()).isZero();
    }

    @Test
    void supportChatsAreAnsweredBySupportAgentsAndNobodyElse() {
        User customer = user("CUSTOMER");
        Response opened = call("POST", "/chats", customer.token(), Map.of("support", true, "message", "Refund?"));
        assertThat(opened.status()).isEqualTo(201);
        String chatId = opened.body().path("chat").path("id").asString();

        User agent = user("SUPPORT");
        assertThat(call("GET", "/chats?size=100", agent.token(), null).body().path("items").findValuesAsString("id"))
                .contains(chatId);
        assertThat(call("POST", "/chats/" + chatId + "/messages", agent.token(), Map.of("message", "On its way"))
                .status()).isEqualTo(201);
        assertThat(call("POST", "/chats/" + chatId + "/messages", user("ADMIN").token(), Map.of("message", "+1"))
                .status()).isEqualTo(201);

        User other = user("CUSTOMER", "SELLER");
        assertThat(call("GET", "/chats/" + chatId + "/messages", other.token(), null).status()).isEqualTo(404);
        assertThat(call("POST", "/chats/" + chatId + "/messages", other.token(), Map.of("message", "hi")).status())
                .isEqualTo(404);
        assertThat(call("POST", "/chats/" + chatId + "/read", other.token(), null).status()).isEqualTo(404);
        assertThat(call("GET", "/chats", other.token(), null).body().path("items").findValuesAsString("id"))
                .doesNotContain(chatId);
        assertThat(call("GET", "/chats/" + java.util.UUID.randomUUID() + "/messages", other.token(), null).status())
                .isEqualTo(404);
    }

    @Test
    void anotherStoresSellerCannotReadTheChat() {
        Shop shop = shop();
        Shop otherShop = shop();
        String chatId = chatWith(user("CUSTOMER"), shop, "Hello");
        assertThat(call("GET", "/chats/" + chatId + "/messages", otherShop.seller().token(), null).status())
                .isEqualTo(404);
    }

    @Test
    void everyEndpointNeedsAToken() {
        assertThat(call("POST", "/chats", null, Map.of("support", true, "message", "x")).status()).isEqualTo(401);
        assertThat(call("GET", "/chats", null, null).status()).isEqualTo(401);
        assertThat(call("GET", "/chats/x/messages", null, null).status()).isEqualTo(401);
        assertThat(call("POST", "/chats/x/messages", null, Map.of("message", "x")).status()).isEqualTo(401);
        assertThat(call("POST", "/chats/x/read", null, null).status()).isEqualTo(401);
    }

    @Test
    void badRequestsAreProblems() {
        Shop shop = shop();
        User customer = user("CUSTOMER");
        Response both = call("POST", "/chats", customer.token(),
                Map.of("storeId", shop.storeId(), "support", true, "message", "x"));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.body().path("errors").get(0).path("field").asString()).isEqualTo("storeId");
        assertThat(call("POST", "/chats", customer.token(), Map.of("message", "x")).status()).isEqualTo(400);
        assertThat(call("POST", "/chats", customer.token(), Map.of("support", true, "message", " ")).status())
                .isEqualTo(400);
        assertThat(call("POST", "/chats", customer.token(),
                Map.of("storeId", java.util.UUID.randomUUID().toString(), "message", "x")).status()).isEqualTo(404);
        Response ownStore = call("POST", "/chats", shop.seller().token(), Map.of("storeId", shop.storeId(), "message", "x"));
        assertThat(ownStore.status()).isEqualTo(422);

        String chatId = chatWith(customer, shop, "Hello");
        Response tooLong = call("POST", "/chats/" + chatId + "/messages", customer.token(),
                Map.of("message", "a".repeat(2001)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.problemType()).endsWith("/message-too-long");
        assertThat(call("POST", "/chats/" + chatId + "/messages", customer.token(), Map.of("message", "a".repeat(2000)))
                .status()).isEqualTo(201);
    }

    @Test
    void aUserSendingTooFastIsToldToWait() {
        User customer = user("CUSTOMER");
        String chatId = call("POST", "/chats", customer.token(), Map.of("support", true, "message", "1"))
                .body().path("chat").path("id").asString();
        for (int i = 2; i <= 20; i++) {
            assertThat(call("POST", "/chats/" + chatId + "/messages", customer.token(), Map.of("message", "" + i))
                    .status()).isEqualTo(201);
        }
        Response limited = call("POST", "/chats/" + chatId + "/messages", customer.token(), Map.of("message", "21"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.problemType()).endsWith("/chat-rate-limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(call("GET", "/chats/" + chatId + "/messages", customer.token(), null).body().path("totalItems")
                .asLong()).isEqualTo(20);
        // another user is not slowed down by this one
        assertThat(call("POST", "/chats", user("CUSTOMER").token(), Map.of("support", true, "message", "hi")).status())
                .isEqualTo(201);
    }

    @Test
    void messagesReachTheOtherParticipantsOwnQueueLive() throws Exception {
        Shop shop = shop();
        User customer = user("CUSTOMER");
        String chatId = chatWith(customer, shop, "Hello");
        try (StompWire wire = connected(customer)) {
            wire.subscribe("0", "/user/queue/updates");
            awaitSubscribed(customer.id(), "/user/queue/updates");
            call("POST", "/chats/" + chatId + "/read", shop.seller().token(), null);
            call("POST", "/chats/" + chatId + "/messages", shop.seller().token(), Map.of("message", "Namaste!"));
            // the seller's read receipt, then the reply, on the customer's own queue
            assertThat(wire.next("MESSAGE").body()).contains("\"type\":\"chat.read\"").contains("\"side\":\"AGENT\"");
            assertThat(wire.next("MESSAGE").body()).contains("\"type\":\"chat.message\"").contains("Namaste!");
        }
    }

    @Test
    void aMessageLeftUnreadRemindsItsRecipientOnceAndReadingEndsTheWait() {
        Shop shop = shop();
        User customer = user("CUSTOMER");
        String chatId = chatWith(customer, shop, "Hello, anyone there?");
        call("POST", "/chats/" + chatId + "/messages", customer.token(), Map.of("message", "Hello again"));
        // the seller did not read it within haat.chat.reminder-after (2 s in tests)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> reminders(shop.seller(), chatId) == 1);
        assertThat(reminders(customer, chatId)).isZero();

        call("POST", "/chats/" + chatId + "/read", shop.seller().token(), null);
        call("POST", "/chats/" + chatId + "/messages", shop.seller().token(), Map.of("message", "Sorry, here now"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> reminders(customer, chatId) == 1);
        assertThat(reminders(shop.seller(), chatId)).isEqualTo(1); // one reminder per wait
    }

    private long reminders(User user, String chatId) {
        JsonNode feed = call("GET", "/notifications?size=100", user.token(), null).body().path("items");
        long count = 0;
        for (JsonNode item : feed) {
            if (item.path("type").asString().equals("CHAT_UNREAD")
                    && item.path("data").path("chatId").asString().equals(chatId)) {
                count++;
            }
        }
        return count;
    }

    private static JsonNode only(Response response) {
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("items").size()).isEqualTo(1);
        return response.body().path("items").get(0);
    }
}
