package io.haat.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.notification.NotificationProperties;
import io.haat.notification.directory.Contact;
import io.haat.notification.feed.Notification;
import io.haat.notification.notice.NotificationType;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every notification type has both templates, and they carry the marketplace's name, the greeting and the link. */
class EmailTemplatesTest {

    private final EmailTemplates templates = new EmailTemplates(new NotificationProperties("Haat",
            URI.create("https://shop.example/"), "Haat <no-reply@shop.example>",
            new NotificationProperties.Delivery(1, Duration.ofMinutes(1), Duration.ofSeconds(1),
                    Duration.ofMinutes(1), 3, Duration.ofSeconds(1))));

    @ParameterizedTest
    @EnumSource(NotificationType.class)
    void rendersHtmlAndText(NotificationType type) {
        Notification notification = new Notification("e:" + type + ":u", "u", type, "A title for " + type,
                "The body of " + type + ".", "/orders/o-1", Map.of("orderId", "o-1", "orderNumber", "O1",
                "total", "PKR 10.00", "amount", "PKR 10.00", "sku", "SKU-9", "available", 2, "threshold", 5,
                "businessName", "Crafts & Co"), true, false, Instant.EPOCH);

        RenderedEmail email = templates.render(notification, new Contact("u", "sara@shop.test", "Sara Malik"));

        assertThat(email.subject()).isEqualTo("A title for " + type + " · Haat");
        assertThat(email.html()).contains("Hello Sara,").contains("href=\"https://shop.example/orders/o-1\"")
                .contains("https://shop.example/account/notifications").contains(">Haat<")
                .doesNotContain("th:text").doesNotContain("${");
        assertThat(email.text()).startsWith("Hello Sara,").contains("https://shop.example/orders/o-1")
                .contains("Haat, the marketplace").doesNotContain("[(").doesNotContain("<");
    }

    @ParameterizedTest
    @EnumSource(value = NotificationType.class, names = {"ORDER_PLACED", "PAYMENT_RECEIVED", "LOW_STOCK"})
    void showsTheFiguresOfItsType(NotificationType type) {
        Notification notification = new Notification("e", "u", type, "T", "B", "/x", Map.of("orderNumber", "O1",
                "total", "PKR 1,250.00", "amount", "PKR 1,250.00", "sku", "SKU-9", "available", 2, "threshold", 5),
                true, false, Instant.EPOCH);

        RenderedEmail email = templates.render(notification, new Contact("u", "a@shop.test", null));

        assertThat(email.text()).startsWith("Hello,");
        assertThat(email.html() + email.text()).contains(type == NotificationType.LOW_STOCK ? "SKU-9" : "PKR 1,250.00");
    }
}
