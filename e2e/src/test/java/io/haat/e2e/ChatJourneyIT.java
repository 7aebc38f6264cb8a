package io.haat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.haat.local.DemoAccount;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Live chat and admin alerts through the gateway: the demo customer and the demo seller's store talk over STOMP,
 * another user can neither read that chat over HTTP nor follow it over STOMP, and an admin sees a brute-force alert
 * after repeated failed logins.
 */
class ChatJourneyIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void theDemoCustomerAndTheDemoStoreChatLiveAndNobodyElseListensIn() throws Exception {
        String customer = token(DemoAccount.CUSTOMER);
        String seller = token(DemoAccount.SELLER);
        String storeId = demoStoreId(seller);

        // notification-service learns the store and its seller from seller-service's events
        AtomicReference<HttpResponse<String>> opened = new AtomicReference<>();
        await("the chat opens").atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            opened.set(Gateway.postJson("/api/v1/chats", customer,
                    "{\"storeId\": \"%s\", \"message\": \"Namaste! Is the tea fresh?\"}".formatted(storeId)));
            return opened.get().statusCode() == 201 || opened.get().statusCode() == 200;
        });
        String chatId = Gateway.json(opened.get()).path("chat").path("id").asString();

        try (StompWire sellerSide = StompWire.open(wsUrl(), null);
             StompWire customerSide = StompWire.open(wsUrl(), null)) {
            assertThat(sellerSide.connect("CONNECT", seller).command()).isEqualTo("CONNECTED");
            assertThat(customerSide.connect("STOMP", customer).command()).isEqualTo("CONNECTED");
            sellerSide.subscribe("chat", "/topic/chats." + chatId);
            customerSide.subscribe("mine", "/user/queue/updates");
            // the seller hears the customer's message on the chat topic (retried until the subscription is live)
            StompWire.Frame heard = null;
            for (int attempt = 0; heard == null && attempt < 10; attempt++) {
                customerSide.send("/app/chats/" + chatId + "/send", "{\"message\": \"Still there? #" + attempt + "\"}");
                heard = sellerSide.poll(Duration.ofSeconds(2), "MESSAGE");
            }
            assertThat(heard).as("the seller heard the customer").isNotNull();
            assertThat(heard.body()).contains("chat.message").contains("Still there?");

            HttpResponse<String> reply = Gateway.postJson("/api/v1/chats/" + chatId + "/messages", seller,
                    "{\"message\": \"Picked this morning.\"}");
            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
            StompWire.Frame update = customerSide.next("MESSAGE");
            while (!update.body().contains("Picked this morning.")) {
                update = customerSide.next("MESSAGE");
            }
            assertThat(update.body()).contains("\"side\":\"AGENT\"");
        }

        HttpResponse<String> sellersChats = Gateway.get("/api/v1/chats", seller);
        assertThat(sellersChats.body()).contains(chatId);

        String outsider = Accounts.newVerified("CUSTOMER").accessToken();
        HttpResponse<String> read = Gateway.get("/api/v1/chats/" + chatId + "/messages", outsider);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(404);
        try (StompWire intruder = StompWire.open(wsUrl(), null)) {
            assertThat(intruder.connect("CONNECT", outsider).command()).isEqualTo("CONNECTED");
            intruder.subscribe("0", "/topic/chats." + chatId);
            // refused: an ERROR frame ("not found"), after which the session closes; through the gateway the close
            // can overtake the ERROR frame, so a closed session without any MESSAGE counts as refused too
            StompWire.Frame refused = intruder.poll(Duration.ofSeconds(10), "ERROR");
            if (refused != null) {
                assertThat(refused.header("message")).contains("not found");
            } else {
                assertThat(intruder.closed()).as("the intruder's session is closed, not subscribed").isDone();
            }
        }
        try (StompWire anonymous = StompWire.open(wsUrl(), null)) {
            assertThat(anonymous.connect("STOMP", null).command()).isEqualTo("ERROR");
        }
    }

    @Test
    void anAdminSeesABruteForceAlertAfterRepeatedFailedLogins() {
        Accounts.Account victim = Accounts.newVerified("CUSTOMER");
        // Keycloak locks the account after a few failures (two within a second already trip its quick-login check);
        // the caller cannot tell: every refusal is the same 401 as for an address nobody registered
        String unknown = Gateway.json(Accounts.login(Accounts.newEmail("nobody"), "not-the-password")).toString()
                .replaceAll("\"instance\":\"[^\"]*\",?", "");
        for (int attempt = 0; attempt < 7; attempt++) {
            HttpResponse<String> login = Accounts.login(victim.email(), "wrong-password-" + attempt);
            assertThat(login.statusCode()).as(login.body()).isEqualTo(401);
            assertThat(login.body().replaceAll("\"instance\":\"[^\"]*\",?", "")).isEqualTo(unknown);
        }
        // identity-service raises ACCOUNT_LOCKED for the admins and tells the owner by mail
        Accounts.awaitMailContaining(victim.email(), "failed sign-ins");
        String admin = Accounts.adminToken();
        await("the brute-force alert").atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            HttpResponse<String> alerts = Gateway.get("/api/v1/admin/alerts?kind=SECURITY&size=100", admin);
            assertThat(alerts.statusCode()).as(alerts.body()).isEqualTo(200);
            for (JsonNode alert : Gateway.json(alerts).path("items")) {
                if (alert.path("type").asString().equals("ACCOUNT_LOCKED")
                        && alert.path("detail").asString().contains(victim.email())) {
                    return true;
                }
            }
            return false;
        });
        HttpResponse<String> forbidden = Gateway.get("/api/v1/admin/alerts", victim.accessToken());
        assertThat(forbidden.statusCode()).isEqualTo(403);
    }

    private static String demoStoreId(String sellerToken) {
        JsonNode stores = Gateway.json(Gateway.get("/api/v1/stores/mine?size=100", sellerToken)).path("items");
        for (JsonNode store : stores) {
            if (store.path("name").asString().equals("Haat Demo Store")) {
                return store.path("id").asString();
            }
        }
        throw new AssertionError("the demo seller has no demo store: " + stores);
    }

    private static String token(DemoAccount account) {
        return Gateway.keycloakToken("haat-web", account.email(), account.password());
    }

    private static String wsUrl() {
        return Gateway.url("/ws").replaceFirst("^http", "ws");
    }
}
