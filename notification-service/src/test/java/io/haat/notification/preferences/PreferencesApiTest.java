package io.haat.notification.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.notification.delivery.DeliveryQueue;
import io.haat.notification.notice.Channel;
import io.haat.notification.notice.Notice;
import io.haat.notification.notice.NotificationType;
import io.haat.notification.notice.Notifier;
import io.haat.notification.support.NotificationApiTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code GET/PUT /notifications/preferences}, and what the choices do to the next notifications. */
class PreferencesApiTest extends NotificationApiTest {

    @Autowired
    Notifier notifier;
    @Autowired
    DeliveryQueue queue;

    private static JsonNode of(JsonNode body, NotificationType type) {
        for (JsonNode item : body.path("preferences")) {
            if (item.path("type").asString().equals(type.name())) {
                return item;
            }
        }
        throw new AssertionError("no " + type);
    }

    @Test
    void everyTypeWithItsDefaults() {
        JsonNode body = get("/notifications/preferences", user("CUSTOMER").token()).body();

        assertThat(body.path("preferences")).hasSize(NotificationType.values().length);
        JsonNode placed = of(body, NotificationType.ORDER_PLACED);
        assertThat(placed.path("category").asString()).isEqualTo("TRANSACTIONAL");
        assertThat(placed.path("email").asBoolean()).isTrue();
        assertThat(placed.path("emailLocked").asBoolean()).isTrue();
        JsonNode promotions = of(body, NotificationType.PROMOTIONS);
        assertThat(promotions.path("email").asBoolean()).isFalse();
        assertThat(promotions.path("emailLocked").asBoolean()).isFalse();
    }

    @Test
    void marketingAndStoreMailsCanBeSwitchedTransactionalOnesNot() {
        User seller = user("SELLER");
        Response changed = put("/notifications/preferences", seller.token(), Map.of("preferences", List.of(
                Map.of("type", "PROMOTIONS", "email", true, "push", false, "inApp", true),
                Map.of("type", "LOW_STOCK", "email", false, "push", true, "inApp", false),
                Map.of("type", "ORDER_SHIPPED", "email", true, "push", false, "inApp", true))));
        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
        assertThat(of(changed.body(), NotificationType.PROMOTIONS).path("email").asBoolean()).isTrue();
        assertThat(of(changed.body(), NotificationType.ORDER_SHIPPED).path("push").asBoolean()).isFalse();

        Response refused = put("/notifications/preferences", seller.token(), Map.of("preferences", List.of(
                Map.of("type", "PROMOTIONS", "email", false, "push", false, "inApp", false),
                Map.of("type", "PAYMENT_FAILED", "email", false, "push", true, "inApp", true))));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problemType()).endsWith("/email-required");
        JsonNode unchanged = get("/notifications/preferences", seller.token()).body();
        assertThat(of(unchanged, NotificationType.PROMOTIONS).path("email").asBoolean()).as("nothing changed")
                .isTrue();
        assertThat(put("/notifications/preferences", seller.token(), Map.of("preferences", List.of(
                Map.of("type", "NO_SUCH_TYPE", "email", true)))).status()).isEqualTo(400);

        // LOW_STOCK: no mail, no feed entry, but a push delivery
        Notice lowStock = new Notice(UUID.randomUUID().toString(), seller.id(), NotificationType.LOW_STOCK,
                "Low stock: X", "Only 1 left", "/seller", Map.of());
        notifier.notify(lowStock);
        assertThat(queue.find(lowStock.id(), Channel.EMAIL)).isEmpty();
        assertThat(queue.find(lowStock.id(), Channel.PUSH)).isPresent();
        assertThat(get("/notifications", seller.token()).body().path("totalItems").asInt()).isZero();
    }
}
