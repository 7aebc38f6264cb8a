package io.haat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13 through the gateway: a new customer gets Haat's own "Confirm your email" mail (the realm's email theme)
 * and a welcome mail; after a checkout the order-placed mail arrives, the feed lists the order and the live
 * channels ({@code /stream} over SSE, {@code /ws} over STOMP) carry it.
 */
class NotificationJourneyIT {

    @Test
    void registerConfirmCheckoutAndHearAboutItByMailFeedAndLive() throws Exception {
        String category = Sellers.category("E2E Notifications");
        Sellers.Store store = Sellers.approvedWithStore("E2E Lanterns");
        Sellers.Listed lantern = Sellers.listAndStock(store, category, "Paper lantern", 90_000, 10);
        Sellers.flatShipping(store, 10_000);

        Accounts.Account customer = Accounts.newVerified("CUSTOMER");
        Mailbox.Mail confirmation = Mailbox.awaitMail(customer.email(), "confirmation mail",
                mail -> mail.raw().contains("login-actions/action-token"));
        assertThat(confirmation.subject()).isEqualTo("Haat: confirm your email or reset your password");
        assertThat(confirmation.raw()).contains("Confirm your email").contains("Welcome to Haat!")
                .doesNotContain("Your administrator has just requested");
        Mailbox.Mail welcome = Mailbox.awaitMail(customer.email(), "welcome mail",
                mail -> mail.subject().equals("Welcome to Haat · Haat"));
        assertThat(welcome.raw()).contains("text/plain").contains("text/html");

        String token = customer.accessToken();
        String orderId;
        try (LiveStream stream = new LiveStream(token); StompClient stomp = new StompClient(token)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stomp.connected()).as("STOMP session through the gateway").isTrue();
            stomp.subscribe("/user/queue/updates");
            assertThat(stream.next("welcome", Duration.ofMillis(500))).as("nothing replayed on a fresh stream")
                    .isNull();

            Shopping.addWhenPurchasable(token, lantern, 1);
            orderId = Shopping.checkout(token);

            LiveStream.Event live = stream.next("order.placed", Duration.ofSeconds(60));
            assertThat(live).as("order.placed on /stream").isNotNull();
            assertThat(live.data()).contains(orderId);
            assertThat(stomp.nextMessageContaining(orderId, Duration.ofSeconds(30))).as("order.placed on /ws")
                    .isNotNull().contains("order.placed");
        }

        String orderNumber = orderId.replace("-", "").substring(0, 8).toUpperCase();
        Mailbox.Mail placed = Mailbox.awaitMail(customer.email(), "order-placed mail",
                mail -> mail.subject().equals("Order " + orderNumber + " placed · Haat"));
        assertThat(placed.raw()).contains("/orders/");

        await("the order in the feed").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> feed = Gateway.get("/api/v1/notifications", token);
            assertThat(feed.statusCode()).as(feed.body()).isEqualTo(200);
            JsonNode body = Gateway.json(feed);
            assertThat(body.get("unread").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(body.get("items").toString()).contains("ORDER_PLACED").contains("WELCOME")
                    .contains("\"orderId\":\"" + orderId + "\"");
        });

        Accounts.Account stranger = Accounts.newVerified("CUSTOMER");
        HttpResponse<String> strangersFeed = Gateway.get("/api/v1/notifications", stranger.accessToken());
        assertThat(strangersFeed.body()).doesNotContain("ORDER_PLACED");
    }
}
