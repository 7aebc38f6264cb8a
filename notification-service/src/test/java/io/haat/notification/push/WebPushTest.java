package io.haat.notification.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.notification.delivery.Delivery;
import io.haat.notification.delivery.DeliveryQueue;
import io.haat.notification.notice.Channel;
import io.haat.notification.notice.Notice;
import io.haat.notification.notice.NotificationType;
import io.haat.notification.notice.Notifier;
import io.haat.notification.support.NotificationApiTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Web Push end to end against a stub push service that decrypts what it gets with the subscription's own keys:
 * the payload, the VAPID authorization, expired subscriptions removed, and one failing browser retried with
 * backoff without holding up anyone else.
 */
class WebPushTest extends NotificationApiTest {

    private static StubPushService pushService;

    @Autowired
    Notifier notifier;
    @Autowired
    PushSubscriptions subscriptions;
    @Autowired
    DeliveryQueue queue;
    @Autowired
    VapidKeyHolder vapid;

    @BeforeAll
    static void startPushService() throws Exception {
        pushService = new StubPushService();
    }

    @AfterAll
    static void stopPushService() {
        pushService.close();
    }

    private Response subscribe(User user, StubPushService.Browser browser) {
        return post("/push/subscriptions", user.token(), Map.of("endpoint", browser.endpoint(),
                "keys", Map.of("p256dh", browser.p256dh(), "auth", browser.authSecret())));
    }

    private Notice notice(User user, String title) {
        return new Notice(UUID.randomUUID().toString(), user.id(), NotificationType.ORDER_SHIPPED, title,
                "Your parcel is on its way.", "/orders/o-42", Map.of("orderId", "o-42"));
    }

    @Test
    void theBrowserDecryptsTheNotification() throws Exception {
        User user = user("CUSTOMER");
        StubPushService.Browser browser = pushService.browser();
        assertThat(subscribe(user, browser).status()).isEqualTo(201);

        notifier.notify(notice(user, "Shipped!"));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !browser.received.isEmpty());
        StubPushService.Received push = browser.received.getFirst();
        JsonNode payload = json.readTree(push.plaintext());
        assertThat(payload.path("title").asString()).isEqualTo("Shipped!");
        assertThat(payload.path("body").asString()).isEqualTo("Your parcel is on its way.");
        assertThat(payload.path("url").asString()).isEqualTo("http://localhost:3000/orders/o-42");
        assertThat(payload.path("data").path("orderId").asString()).isEqualTo("o-42");
        assertThat(push.headers()).containsEntry("content-encoding", "aes128gcm").containsKey("ttl");
        String authorization = push.headers().get("authorization");
        assertThat(authorization).startsWith("vapid t=").contains("k=" + vapid.applicationServerKey());
        String jwt = authorization.replaceAll(".*t=([^,\\s]+).*", "$1");
        JsonNode claims = json.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                StandardCharsets.UTF_8));
        assertThat(claims.path("aud").asString()).isEqualTo(browser.endpoint().replaceAll("(https?://[^/]+).*", "$1"));
        assertThat(claims.path("sub").asString()).startsWith("mailto:");
        assertThat(StubPushService.vapidSignatureValid(jwt, vapid.applicationServerKey())).isTrue();
        assertThat(get("/push/vapid-public-key", user.token()).body().path("publicKey").asString())
                .isEqualTo(vapid.applicationServerKey());
    }

    @Test
    void aSubscriptionThePushServiceSaysIsGoneIsRemoved() throws Exception {
        User user = user("CUSTOMER");
        StubPushService.Browser browser = pushService.browser();
        subscribe(user, browser);
        browser.answer(410);

        notifier.notify(notice(user, "Gone"));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> subscriptions.of(user.id()).isEmpty());
        assertThat(browser.received).isEmpty();
    }

    @Test
    void aFailingBrowserIsRetriedWithBackoffWithoutHoldingUpOthers() throws Exception {
        User unlucky = user("CUSTOMER");
        User other = user("CUSTOMER");
        StubPushService.Browser failing = pushService.browser();
        StubPushService.Browser healthy = pushService.browser();
        StubPushService.Browser unluckysSecondBrowser = pushService.browser();
        subscribe(unlucky, failing);
        subscribe(unlucky, unluckysSecondBrowser);
        subscribe(other, healthy);
        failing.answer(500, 503);

        Notice first = notice(unlucky, "Retry me");
        notifier.notify(first);
        notifier.notify(notice(other, "Not held up"));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> healthy.received.size() == 1);
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> failing.received.size() == 1);
        // the stub answers before the sender records the outcome: wait for the record, not the request
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> queue.find(first.id(), Channel.PUSH)
                .map(d -> d.status() == Delivery.Status.SENT).orElse(false));
        Delivery delivery = queue.find(first.id(), Channel.PUSH).orElseThrow();
        assertThat(delivery.attempts()).isEqualTo(3);
        assertThat(unluckysSecondBrowser.received).as("served once, not again on the retries").hasSize(1);
    }

    @Test
    void subscriptionsAreTheirOwnersToRemoveAndMustBeValid() throws Exception {
        User owner = user("CUSTOMER");
        User other = user("CUSTOMER");
        StubPushService.Browser browser = pushService.browser();
        subscribe(owner, browser);

        assertThat(call("DELETE", "/push/subscriptions", other.token(), Map.of("endpoint", browser.endpoint()))
                .status()).isEqualTo(404);
        assertThat(call("DELETE", "/push/subscriptions", owner.token(), Map.of("endpoint", browser.endpoint()))
                .status()).isEqualTo(204);
        assertThat(subscriptions.of(owner.id())).isEmpty();

        Response badKey = post("/push/subscriptions", owner.token(), Map.of("endpoint", browser.endpoint(),
                "keys", Map.of("p256dh", "not-a-key", "auth", browser.authSecret())));
        assertThat(badKey.status()).isEqualTo(400);
        Response badEndpoint = post("/push/subscriptions", owner.token(), Map.of("endpoint", "file:///etc/passwd",
                "keys", Map.of("p256dh", browser.p256dh(), "auth", browser.authSecret())));
        assertThat(badEndpoint.status()).isEqualTo(400);
        assertThat(post("/push/subscriptions", owner.token(), Map.of("endpoint", browser.endpoint())).status())
                .isEqualTo(400);
    }

    @Test
    void anEndpointOutsideThePushServicesIsRefusedNotFetched() throws Exception {
        // the tests allow 127.0.0.1 (the stub) beside the real push services: see src/test/resources
        User user = user("CUSTOMER");
        StubPushService.Browser browser = pushService.browser();
        for (String endpoint : java.util.List.of("https://attacker.example/collect",
                "https://169.254.169.254/latest/meta-data/", "https://fcm.googleapis.com.attacker.example/fcm/send/x",
                "https://user@fcm.googleapis.com/fcm/send/x", "http://localhost:9/internal")) {
            Response refused = post("/push/subscriptions", user.token(), Map.of("endpoint", endpoint,
                    "keys", Map.of("p256dh", browser.p256dh(), "auth", browser.authSecret())));
            assertThat(refused.status()).as(endpoint).isEqualTo(400);
        }
        assertThat(subscriptions.of(user.id())).isEmpty();
        Response fcm = post("/push/subscriptions", user.token(), Map.of("endpoint",
                "https://fcm.googleapis.com/fcm/send/fv3jabydF5c:APA92b", "keys",
                Map.of("p256dh", browser.p256dh(), "auth", browser.authSecret())));
        assertThat(fcm.status()).isEqualTo(201);
    }
}
