package io.haat.notification.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.events.DomainEvent;
import io.haat.events.EventEnvelope;
import io.haat.events.Money;
import io.haat.events.Topics;
import io.haat.events.identity.UserRegistered;
import io.haat.events.orders.OrderLine;
import io.haat.events.orders.OrderPlaced;
import io.haat.events.orders.SellerOrderTotals;
import io.haat.events.payment.PaymentCaptured;
import io.haat.events.payment.PaymentProvider;
import io.haat.notification.support.NotificationApiTest;
import io.haat.notification.support.SseClient;
import io.haat.test.mail.TestSmtp;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * From marketplace events to what a customer receives: the welcome and order-placed mails (HTML and text), the
 * feed entry with the order id, the live event on {@code /stream}; once per event, however often it is delivered.
 */
class OrderNotificationsTest extends NotificationApiTest {

    @Test
    void aNewCustomerIsWelcomedByMail() throws Exception {
        User customer = user("CUSTOMER");
        String email = "welcome-" + customer.id().substring(0, 8) + "@shop.test";
        publish(Topics.IDENTITY_USER, new UserRegistered(customer.id(), email, "Amina Khan", "CUSTOMER"));

        MimeMessage mail = awaitMails(email, 1).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Welcome to Haat · Haat");
        assertThat(mail.getFrom()[0].toString()).contains("no-reply@haat.local");
        List<String> parts = parts(mail);
        assertThat(parts).anySatisfy(part -> assertThat(part).startsWith("text/plain")
                .contains("Hello Amina,").contains("Welcome to Haat!").contains("http://localhost:3000/"));
        assertThat(parts).anySatisfy(part -> assertThat(part).startsWith("text/html")
                .contains("Hello Amina,").contains("href=\"http://localhost:3000/account/notifications\""));
        JsonNode feed = get("/notifications", customer.token()).body();
        assertThat(feed.path("items").get(0).path("type").asString()).isEqualTo("WELCOME");
    }

    @Test
    void anOrderPlacedGoesByMailToTheFeedAndLiveOnceHoweverOftenTheEventComes() throws Exception {
        User customer = user("CUSTOMER");
        String email = "buyer-" + customer.id().substring(0, 8) + "@shop.test";

        try (SseClient stream = SseClient.open(port, customer.token(), null)) {
            assertThat(stream.status()).isEqualTo(200);
            publish(Topics.IDENTITY_USER, new UserRegistered(customer.id(), email, "Bilal Ahmed", "CUSTOMER"));
            assertThat(stream.next("welcome", Duration.ofSeconds(30))).as("live welcome").isNotNull();
            awaitMails(email, 1);

            String orderId = UUID.randomUUID().toString();
            EventEnvelope<DomainEvent> placed = publish(Topics.ORDERS_ORDER, order(orderId, customer.id()));
            SseClient.Event live = stream.next("order.placed", Duration.ofSeconds(20));
            assertThat(live).as("live order.placed event").isNotNull();
            JsonNode event = json.readTree(live.data());
            assertThat(event.path("type").asString()).isEqualTo("order.placed");
            assertThat(event.path("data").path("type").asString()).isEqualTo("ORDER_PLACED");
            assertThat(event.path("data").path("data").path("orderId").asString()).isEqualTo(orderId);

            publish(Topics.ORDERS_ORDER, placed); // redelivered
            publish(Topics.PAYMENT_PAYMENT, new PaymentCaptured(UUID.randomUUID().toString(), orderId,
                    PaymentProvider.SANDBOX, 1, new Money(250_000, "PKR"), Instant.now()));

            List<MimeMessage> mails = awaitMails(email, 3);
            assertThat(mails).extracting(OrderNotificationsTest::subject).containsExactlyInAnyOrder(
                    "Welcome to Haat · Haat",
                    "Order " + shortId(orderId) + " placed · Haat",
                    "Payment received for order " + shortId(orderId) + " · Haat");
            assertThat(parts(mails.stream().filter(m -> subject(m).startsWith("Order")).findFirst().orElseThrow()))
                    .anySatisfy(part -> assertThat(part).contains("PKR 2,500.00")
                            .contains("http://localhost:3000/orders/" + orderId));

            JsonNode feed = get("/notifications", customer.token()).body();
            assertThat(feed.path("unread").asInt()).isEqualTo(3);
            assertThat(feed.path("items")).hasSize(3);
            JsonNode newest = feed.path("items").get(0);
            assertThat(newest.path("type").asString()).isEqualTo("PAYMENT_RECEIVED");
            assertThat(newest.path("data").path("orderId").asString()).isEqualTo(orderId);
            assertThat(feed.path("items").get(1).path("link").asString()).isEqualTo("/orders/" + orderId);
            // the redelivered OrderPlaced made no second mail: exactly the three, and still after a moment
            Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                    .until(() -> TestSmtp.to(email).size() == 3);
        }
    }

    @Test
    void liveUpdatesArriveWithin100msOfConsumingTheEvent() throws Exception {
        User customer = user("CUSTOMER");
        try (SseClient stream = SseClient.open(port, customer.token(), null)) {
            assertThat(stream.status()).isEqualTo(200);
            List<Long> afterConsuming = new ArrayList<>();
            List<Long> afterPublishing = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                long sent = System.nanoTime();
                publish(Topics.ORDERS_ORDER, order(UUID.randomUUID().toString(), customer.id()));
                SseClient.Event live = stream.next("order.placed", Duration.ofSeconds(20));
                assertThat(live).isNotNull();
                Instant received = Instant.now();
                // createdAt: stamped when the listener handled the event, before it was recorded and sent
                Instant consumed = Instant.parse(json.readTree(live.data()).path("data").path("createdAt").asString());
                afterConsuming.add(Duration.between(consumed, received).toMillis());
                afterPublishing.add((live.receivedNanos() - sent) / 1_000_000);
            }
            List<Long> measured = afterConsuming.subList(1, afterConsuming.size()); // the first warms up
            long median = measured.stream().sorted().toList().get(measured.size() / 2);
            System.out.printf("live update after consuming the event: %s ms (median %d, first %d); "
                    + "after publishing to Kafka: %s ms%n", measured, median, afterConsuming.getFirst(),
                    afterPublishing);
            assertThat(median).isLessThan(100);
        }
    }

    static OrderPlaced order(String orderId, String customerId) {
        String sellerOrderId = UUID.randomUUID().toString();
        Money price = new Money(125_000, "PKR");
        return new OrderPlaced(orderId, customerId, new Money(250_000, "PKR"),
                List.of(new OrderLine(sellerOrderId, "store-1", "product-1", "SKU-1", 2, price)),
                List.of(new SellerOrderTotals(sellerOrderId, "store-1", "seller-1", new Money(250_000, "PKR"),
                        Money.zero("PKR"), Money.zero("PKR"), Money.zero("PKR"), new Money(250_000, "PKR"))));
    }

    static List<MimeMessage> awaitMails(String email, int count) {
        Awaitility.await("mail #" + count + " to " + email).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50)).until(() -> TestSmtp.to(email).size() >= count);
        return TestSmtp.to(email);
    }

    static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each leaf part as "content-type\ncontent". */
    static List<String> parts(MimeMessage mail) throws Exception {
        List<String> found = new ArrayList<>();
        collect(mail.getContent(), mail.getContentType(), found);
        return found;
    }

    private static void collect(Object content, String type, List<String> found) throws Exception {
        if (content instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                collect(part.getContent(), part.getContentType(), found);
            }
        } else {
            found.add(type + "\n" + content);
        }
    }

    static String shortId(String id) {
        return id.replace("-", "").substring(0, 8).toUpperCase();
    }
}
