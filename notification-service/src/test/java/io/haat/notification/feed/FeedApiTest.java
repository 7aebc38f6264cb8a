package io.haat.notification.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.notification.notice.Notice;
import io.haat.notification.notice.NotificationType;
import io.haat.notification.notice.Notifier;
import io.haat.notification.support.NotificationApiTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code GET /notifications}, mark read, read all: newest first, paged, one's own only. */
class FeedApiTest extends NotificationApiTest {

    @Autowired
    Notifier notifier;

    private String notify(User user, NotificationType type, String title) {
        Notice notice = new Notice(UUID.randomUUID().toString(), user.id(), type, title, "body of " + title,
                "/orders/o-" + title, Map.of("orderId", "o-" + title));
        assertThat(notifier.notify(notice)).isTrue();
        assertThat(notifier.notify(notice)).as("the same notice again").isFalse();
        return notice.id();
    }

    @Test
    void listsNewestFirstPagedWithTheUnreadCount() {
        User user = user("CUSTOMER");
        for (int i = 1; i <= 3; i++) {
            notify(user, NotificationType.ORDER_CONFIRMED, "n" + i);
        }

        JsonNode first = get("/notifications?size=2", user.token()).body();
        assertThat(first.path("unread").asInt()).isEqualTo(3);
        assertThat(first.path("totalItems").asInt()).isEqualTo(3);
        assertThat(first.path("items")).hasSize(2);
        assertThat(first.path("items").get(0).path("title").asString()).isEqualTo("n3");
        JsonNode item = first.path("items").get(1);
        assertThat(item.path("title").asString()).isEqualTo("n2");
        assertThat(item.path("type").asString()).isEqualTo("ORDER_CONFIRMED");
        assertThat(item.path("body").asString()).isEqualTo("body of n2");
        assertThat(item.path("link").asString()).isEqualTo("/orders/o-n2");
        assertThat(item.path("data").path("orderId").asString()).isEqualTo("o-n2");
        assertThat(item.path("read").asBoolean()).isFalse();
        assertThat(item.path("createdAt").asString()).isNotBlank();
        JsonNode second = get("/notifications?page=1&size=2", user.token()).body();
        assertThat(second.path("items")).singleElement()
                .satisfies(n -> assertThat(n.path("title").asString()).isEqualTo("n1"));
        assertThat(get("/notifications?size=500", user.token()).status()).isEqualTo(400);
    }

    @Test
    void marksOneOrAllReadAndOnlyTheirOwn() {
        User owner = user("CUSTOMER");
        User other = user("CUSTOMER");
        String first = notify(owner, NotificationType.ORDER_SHIPPED, "a");
        notify(owner, NotificationType.ORDER_DELIVERED, "b");

        assertThat(post("/notifications/" + first + "/read", other.token(), null).status()).isEqualTo(404);
        assertThat(post("/notifications/unknown/read", owner.token(), null).status()).isEqualTo(404);
        Response read = post("/notifications/" + first + "/read", owner.token(), null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("read").asBoolean()).isTrue();
        assertThat(get("/notifications", owner.token()).body().path("unread").asInt()).isEqualTo(1);

        assertThat(post("/notifications/read-all", other.token(), null).body().path("marked").asInt()).isZero();
        assertThat(get("/notifications", owner.token()).body().path("unread").asInt()).isEqualTo(1);
        assertThat(post("/notifications/read-all", owner.token(), null).body().path("marked").asInt()).isEqualTo(1);
        assertThat(get("/notifications", owner.token()).body().path("unread").asInt()).isZero();
    }

    @Test
    void needsASignedInUser() {
        assertThat(get("/notifications", null).status()).isEqualTo(401);
        assertThat(post("/notifications/x/read", null, null).status()).isEqualTo(401);
        assertThat(post("/notifications/read-all", null, null).status()).isEqualTo(401);
        assertThat(get("/notifications/preferences", null).status()).isEqualTo(401);
        assertThat(put("/notifications/preferences", null, Map.of("preferences", java.util.List.of())).status())
                .isEqualTo(401);
        assertThat(get("/stream", null).status()).isEqualTo(401);
        assertThat(post("/push/subscriptions", null, Map.of()).status()).isEqualTo(401);
        assertThat(delete("/push/subscriptions", null).status()).isEqualTo(401);
    }
}
