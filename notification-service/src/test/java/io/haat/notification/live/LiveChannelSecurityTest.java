package io.haat.notification.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haat.notification.chat.LiveChatTest;
import io.haat.notification.stream.LiveUpdates;
import io.haat.test.HaatInfrastructure;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The live channel {@code /ws} is closed to anyone without a valid token, whatever the opening frame, and a session
 * only ever hears its own user's queue, the chats it takes part in and (admins) the admin streams. Written with
 * raw STOMP frames over a real WebSocket, so the test can send what a hostile client would.
 */
class LiveChannelSecurityTest extends LiveChatTest {

    @Autowired
    LiveUpdates live;

    @Test
    void theStomp12OpeningFrameNeedsATokenLikeConnect() throws Exception {
        for (String opening : new String[] {"STOMP", "CONNECT"}) {
            try (StompWire wire = stomp(null)) {
                StompWire.Frame refused = wire.connect(opening, null);
                assertThat(refused.command()).as(opening).isEqualTo("ERROR");
                assertThat(refused.header("message")).contains("not authenticated");
                assertThat(wire.closed().get(10, TimeUnit.SECONDS)).isNotNull();
            }
        }
        try (StompWire wire = stomp(null)) {
            assertThat(wire.connect("STOMP", user("CUSTOMER").token()).command()).isEqualTo("CONNECTED");
        }
    }

    @Test
    void forgedAndExpiredTokensAreRefusedWhateverTheFrame() throws Exception {
        var jwts = HaatInfrastructure.get().jwt();
        String foreign = jwts.builder().roles("ADMIN").signWithForeignKey();
        String expired = jwts.builder().roles("CUSTOMER").issuedAt(Instant.now().minusSeconds(600))
                .expiresAt(Instant.now().minusSeconds(300)).sign();
        for (String opening : new String[] {"STOMP", "CONNECT"}) {
            for (String token : new String[] {foreign, expired, "not-a-jwt"}) {
                try (StompWire wire = stomp(null)) {
                    StompWire.Frame refused = wire.connect(opening, token);
                    assertThat(refused.command()).as(opening).isEqualTo("ERROR");
                    assertThat(refused.header("message")).isEqualTo("the bearer token is not valid");
                }
            }
        }
    }

    @Test
    void framesOfASessionThatNeverConnectedAreRefused() throws Exception {
        try (StompWire wire = stomp(null)) {
            wire.subscribe("0", "/topic/admin.alerts");
            assertRefused(wire, null);
        }
        try (StompWire wire = stomp(null)) {
            wire.send("/app/chats/x/send", "{\"message\":\"hi\"}");
            assertRefused(wire, null);
        }
    }

    @Test
    void theHandshakeTokenAuthenticatesAsStrictlyAsTheFrameToken() throws Exception {
        User user = user("CUSTOMER");
        try (StompWire wire = stomp(user.token())) {
            assertThat(wire.connect("STOMP", null).command()).isEqualTo("CONNECTED");
            wire.subscribe("0", "/user/queue/updates");
            awaitSubscribed(user.id(), "/user/queue/updates");
            live.publish(user.id(), "order.placed", Map.of("orderId", "o-1"));
            assertThat(wire.next("MESSAGE").body()).contains("o-1");
        }
        String foreign = HaatInfrastructure.get().jwt().builder().roles("CUSTOMER").signWithForeignKey();
        assertThatThrownBy(() -> stomp(foreign)).hasStackTraceContaining("401");
    }

    @Test
    void aSessionHearsOnlyItsOwnUsersQueue() throws Exception {
        User victim = user("CUSTOMER");
        User intruder = user("CUSTOMER");
        try (StompWire own = connected(victim)) {
            own.subscribe("0", "/user/queue/updates");
            for (String theirs : new String[] {"/user/" + victim.id() + "/queue/updates", "/queue/updates",
                    "/queue/updates-user" + victim.id(), "/topic/updates", "/user/queue/../../topic/x"}) {
                try (StompWire wire = connected(intruder)) {
                    wire.subscribe("1", theirs);
                    assertRefused(wire, "subscriptions to " + theirs + " are not allowed");
                }
            }
            awaitSubscribed(victim.id(), "/user/queue/updates");
            live.publish(victim.id(), "order.placed", Map.of("orderId", "o-2"));
            assertThat(own.next("MESSAGE").body()).contains("o-2");
        }
    }

    @Test
    void onlyParticipantsFollowAChat() throws Exception {
        Shop shop = shop();
        User customer = user("CUSTOMER");
        String chatId = chatWith(customer, shop, "Is the red shawl pure pashmina?");
        try (StompWire outsider = connected(user("CUSTOMER"))) {
            outsider.subscribe("0", "/topic/chats." + chatId);
            assertRefused(outsider, "chat " + chatId + " not found");
        }
        try (StompWire admin = connected(user("ADMIN"))) { // an admin is no participant of a store chat either
            admin.subscribe("0", "/topic/chats." + chatId);
            assertRefused(admin, "chat " + chatId + " not found");
        }
        try (StompWire seller = connected(shop.seller()); StompWire buyer = connected(customer)) {
            seller.subscribe("0", "/topic/chats." + chatId);
            awaitSubscribed(shop.seller().id(), "/topic/chats." + chatId);
            buyer.send("/app/chats/" + chatId + "/send", "{\"message\":\"And the price?\"}");
            assertThat(seller.next("MESSAGE").body()).contains("chat.message").contains("And the price?");
        }
    }

    @Test
    void clientsNeverSendToBrokerDestinations() throws Exception {
        Shop shop = shop();
        User customer = user("CUSTOMER");
        String chatId = chatWith(customer, shop, "Hello");
        try (StompWire seller = connected(shop.seller())) {
            seller.subscribe("0", "/topic/chats." + chatId);
            awaitSubscribed(shop.seller().id(), "/topic/chats." + chatId);
            for (String broker : new String[] {"/topic/chats." + chatId, "/queue/updates",
                    "/user/" + shop.seller().id() + "/queue/updates", "/topic/admin.alerts"}) {
                try (StompWire forger = connected(customer)) { // even a participant
                    forger.send(broker, "{\"type\":\"chat.message\",\"data\":{\"body\":\"forged\"}}");
                    assertRefused(forger, "clients send to /app/** destinations only");
                }
            }
            call("POST", "/chats/" + chatId + "/messages", customer.token(), Map.of("message", "genuine"));
            // the first message the seller hears is the genuine one: none of the forged ones got through
            assertThat(seller.next("MESSAGE").body()).contains("genuine").doesNotContain("forged");
        }
    }

    @Test
    void aNonParticipantSendingOverStompGetsNotFound() throws Exception {
        Shop shop = shop();
        User customer = user("CUSTOMER");
        String chatId = chatWith(customer, shop, "Hello");
        User outsider = user("CUSTOMER");
        try (StompWire wire = connected(outsider)) {
            wire.subscribe("0", "/user/queue/errors");
            awaitSubscribed(outsider.id(), "/user/queue/errors");
            wire.send("/app/chats/" + chatId + "/send", "{\"message\":\"let me in\"}");
            assertThat(wire.next("MESSAGE").body()).contains("\"status\":404");
        }
        assertThat(call("GET", "/chats/" + chatId + "/messages", customer.token(), null).body()
                .path("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void adminStreamsAreForAdminsOnly() throws Exception {
        try (StompWire wire = connected(user("CUSTOMER", "SUPPORT", "SELLER"))) {
            wire.subscribe("0", "/topic/admin.alerts");
            assertRefused(wire, "admin streams are for admins only");
        }
        User admin = user("ADMIN");
        try (StompWire wire = connected(admin)) {
            wire.subscribe("0", "/topic/admin.alerts");
            awaitSubscribed(admin.id(), "/topic/admin.alerts");
        }
    }

    /**
     * The server refused the last frame and closed the session (1002). The ERROR frame carrying {@code message}
     * (checked when not null) usually comes first, but a close can overtake it (see {@link StompWire#refusal()}).
     */
    private static void assertRefused(StompWire wire, String message) throws Exception {
        StompWire.Frame refused = wire.refusal();
        if (refused != null && message != null) {
            assertThat(refused.header("message")).contains(message);
        }
        assertThat(wire.closed().get(10, TimeUnit.SECONDS)).as("closed after the refusal").isEqualTo(1002);
    }
}
