package io.haat.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.haat.events.DomainEvent;
import io.haat.events.EventEnvelope;
import io.haat.events.Topics;
import io.haat.events.identity.SecurityAlertRaised;
import io.haat.events.inventory.LowStock;
import io.haat.events.inventory.StockLevelChanged;
import io.haat.events.payment.PaymentFailed;
import io.haat.events.payment.PaymentFailureReason;
import io.haat.events.payment.PaymentProvider;
import io.haat.notification.chat.LiveChatTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The admins' alert feed: fed by events over real Kafka, once per source, listed, acknowledged, streamed. */
class AdminAlertsTest extends LiveChatTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aSecurityAlertIsRaisedOnceListedAndAcknowledged() {
        User admin = user("ADMIN");
        String subject = "203.0.113." + (int) (Math.random() * 200);
        EventEnvelope<SecurityAlertRaised> alert = EventEnvelope.of(new SecurityAlertRaised(UUID.randomUUID().toString(),
                "REPEATED_FAILED_LOGINS", "HIGH", subject, "12 failed logins from " + subject), 0);
        send(Topics.SECURITY_ALERTS, alert);
        send(Topics.SECURITY_ALERTS, alert); // redelivered
        JsonNode raised = awaitAlert(admin, "kind=SECURITY", subject);
        assertThat(raised.path("type").asString()).isEqualTo("REPEATED_FAILED_LOGINS");
        assertThat(raised.path("severity").asString()).isEqualTo("HIGH");
        assertThat(raised.path("acknowledged").asBoolean()).isFalse();

        String id = raised.path("id").asString();
        Response acked = call("POST", "/admin/alerts/" + id + "/ack", admin.token(), null);
        assertThat(acked.status()).isEqualTo(200);
        assertThat(acked.body().path("acknowledgedBy").asString()).isEqualTo(admin.id());
        Response again = call("POST", "/admin/alerts/" + id + "/ack", user("ADMIN").token(), null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("acknowledgedBy").asString()).isEqualTo(admin.id());

        assertThat(subjects(admin, "kind=SECURITY&acknowledged=false")).doesNotContain(subject);
        assertThat(subjects(admin, "kind=SECURITY&acknowledged=true&size=100")).containsOnlyOnce(subject);
        assertThat(subjects(admin, "severity=LOW&size=100")).doesNotContain(subject);
    }

    @Test
    void adminsWatchNewAlertsLive() throws Exception {
        User admin = user("ADMIN");
        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/admin/alerts/stream"))
                .header("Authorization", "Bearer " + admin.token()).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
        assertThat(stream.statusCode()).isEqualTo(200);
        String subject = "live-" + UUID.randomUUID();
        CompletableFuture<String> line = CompletableFuture.supplyAsync(
                () -> stream.body().filter(l -> l.contains(subject)).findFirst().orElse(""));
        send(Topics.SECURITY_ALERTS, EventEnvelope.of(new SecurityAlertRaised(UUID.randomUUID().toString(),
                "USER_BANNED", "MEDIUM", subject, "banned"), 0));
        assertThat(line.get(30, TimeUnit.SECONDS)).startsWith("data:").contains("USER_BANNED");
    }

    @Test
    void openStreamsEndWhenTheServiceStopsSoAGracefulShutdownNeedNotWaitForThem(
            @Autowired AdminAlertStream alerts) throws Exception {
        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/admin/alerts/stream"))
                .header("Authorization", "Bearer " + user("ADMIN").token()).header("Accept", "text/event-stream")
                .build(), HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
        CompletableFuture<Long> ended = CompletableFuture.supplyAsync(() -> stream.body().count());
        try {
            alerts.stop();
            assertThat(ended.get(10, TimeUnit.SECONDS)).isPositive(); // the opening comment, then the end
        } finally {
            alerts.start();
        }
    }

    @Test
    void onlyAdminsSeeAlerts() {
        String customer = user("CUSTOMER", "SUPPORT").token();
        for (String[] call : List.of(new String[] {"GET", "/admin/alerts"}, new String[] {"POST", "/admin/alerts/x/ack"},
                new String[] {"GET", "/admin/alerts/stream"})) {
            assertThat(call(call[0], call[1], null, null).status()).as(call[1]).isEqualTo(401);
            assertThat(call(call[0], call[1], customer, null).status()).as(call[1]).isEqualTo(403);
        }
        assertThat(call("POST", "/admin/alerts/" + UUID.randomUUID() + "/ack", user("ADMIN").token(), null).status())
                .isEqualTo(404);
        assertThat(call("GET", "/admin/alerts?kind=NOPE", user("ADMIN").token(), null).status()).isEqualTo(400);
    }

    @Test
    void paymentFailuresAboveTheThresholdRaiseOneAlert() {
        User admin = user("ADMIN");
        EventEnvelope<PaymentFailed> first = null;
        for (int i = 0; i < 12; i++) {
            EventEnvelope<PaymentFailed> failed = EventEnvelope.of(new PaymentFailed(UUID.randomUUID().toString(),
                    UUID.randomUUID().toString(), PaymentProvider.values()[0], 1,
                    PaymentFailureReason.values()[0], "declined", Instant.now()), 1);
            first = first == null ? failed : first;
            send(Topics.PAYMENT_PAYMENT, failed);
            send(Topics.PAYMENT_PAYMENT, first); // a redelivery counts once
        }
        await().atMost(WAIT).until(() -> subjects(admin, "kind=PAYMENT_FAILURES").contains("payments"));
        assertThat(subjects(admin, "kind=PAYMENT_FAILURES&size=100")).containsOnlyOnce("payments");
    }

    @Test
    void stockRunningLowOrOutRaisesAlertsOnTheWayDown() {
        User admin = user("ADMIN");
        String store = UUID.randomUUID().toString();
        send(Topics.SELLER_INVENTORY, EventEnvelope.of(new StockLevelChanged(store, "TEA-1", 5, 0, 5), 1));
        send(Topics.SELLER_INVENTORY, EventEnvelope.of(new LowStock(store, "s", "TEA-1", 2, 3), 2));
        send(Topics.SELLER_INVENTORY, EventEnvelope.of(new StockLevelChanged(store, "TEA-1", 2, 2, 0), 3));
        send(Topics.SELLER_INVENTORY, EventEnvelope.of(new StockLevelChanged(store, "TEA-1", 1, 1, 0), 4));
        String key = store + ":TEA-1";
        await().atMost(WAIT).until(() -> subjects(admin, "kind=OUT_OF_STOCK&size=100").contains(key));
        assertThat(subjects(admin, "kind=LOW_STOCK&size=100")).containsOnlyOnce(key);
        assertThat(subjects(admin, "kind=OUT_OF_STOCK&size=100")).containsOnlyOnce(key);
    }

    @Test
    void aMessageNobodyCouldHandleRaisesADeadLetterAlert() {
        User admin = user("ADMIN");
        String key = "poison-" + UUID.randomUUID();
        kafka.send(Topics.SELLER_STORE, key, "not an event").join(); // our own consumer dead-letters it
        await().atMost(WAIT).until(() -> call("GET", "/admin/alerts?kind=DEAD_LETTER&size=100", admin.token(), null)
                .body().path("items").findValuesAsString("detail").stream().anyMatch(d -> d.contains(key)));
        JsonNode alert = items(admin, "kind=DEAD_LETTER&size=100").stream()
                .filter(a -> a.path("detail").asString().contains(key)).findFirst().orElseThrow();
        assertThat(alert.path("subject").asString()).isEqualTo(Topics.SELLER_STORE);
        assertThat(alert.path("source").asString()).isEqualTo(Topics.SELLER_STORE + ".DLT");
    }

    @Test
    void aUserProbingForOthersResourcesRaisesAnUnusualAccessAlert() {
        User admin = user("ADMIN");
        User prober = user("CUSTOMER");
        for (int i = 0; i < 30; i++) {
            assertThat(call("GET", "/chats/" + UUID.randomUUID() + "/messages", prober.token(), null).status())
                    .isEqualTo(404);
        }
        await().atMost(WAIT).until(() -> subjects(admin, "kind=UNUSUAL_ACCESS&size=100").contains(prober.id()));
        User honest = user("CUSTOMER");
        assertThat(call("GET", "/chats/" + UUID.randomUUID() + "/messages", honest.token(), null).status())
                .isEqualTo(404);
        assertThat(subjects(admin, "kind=UNUSUAL_ACCESS&size=100")).doesNotContain(honest.id());
    }

    private void send(String topic, EventEnvelope<? extends DomainEvent> envelope) {
        kafka.send(topic, envelope.aggregateId(), envelopes.toJson(envelope)).join();
    }

    private JsonNode awaitAlert(User admin, String filter, String subject) {
        await().atMost(WAIT).until(() -> subjects(admin, filter + "&size=100").contains(subject));
        return items(admin, filter + "&size=100").stream().filter(a -> a.path("subject").asString().equals(subject))
                .findFirst().orElseThrow();
    }

    private List<String> subjects(User admin, String filter) {
        return items(admin, filter).stream().map(a -> a.path("subject").asString()).toList();
    }

    private List<JsonNode> items(User admin, String filter) {
        Response response = call("GET", "/admin/alerts?" + filter, admin.token(), null);
        assertThat(response.status()).isEqualTo(200);
        return java.util.stream.StreamSupport.stream(response.body().path("items").spliterator(), false).toList();
    }
}
