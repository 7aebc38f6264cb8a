package io.haat.order.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.haat.events.EventEnvelope;
import io.haat.events.Topics;
import io.haat.events.payment.PaymentCaptured;
import io.haat.events.payment.PaymentProvider;
import io.haat.order.OrderSagaSupport;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The saga over real Kafka: seller-service's and payment-service's answers arrive on their topics, and the
 * order's own events leave through the outbox relay.
 */
class OrderSagaKafkaTest extends OrderSagaSupport {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Test
    void reservedAndCapturedOnKafkaConfirmTheOrderAndItsEventsAreRelayed() throws Exception {
        User customer = customer();
        Product tea = sellingProduct(sellingStore(), "tea", 900, 10);
        String orderId = placeOrder(customer, "SANDBOX", tea);

        send(Topics.SELLER_INVENTORY, EventEnvelope.of(reserved(orderId), 1, clock.instant()));
        await().atMost(Duration.ofSeconds(30)).until(() -> status(customer, orderId).equals("AWAITING_PAYMENT"));
        kafka.send(Topics.PAYMENT_PAYMENT, "poison", "not an event").get(); // dead-lettered, blocks nothing
        send(Topics.PAYMENT_PAYMENT, EventEnvelope.of(new PaymentCaptured("kafka-" + orderId, orderId,
                PaymentProvider.SANDBOX, 1, npr(1000), clock.instant()), 1, clock.instant()));

        await().atMost(Duration.ofSeconds(30)).until(() -> status(customer, orderId).equals("CONFIRMED"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql(
                        "SELECT count(*) FROM outbox WHERE aggregate_id = ? AND sent_at IS NULL").param(orderId)
                .query(Long.class).single()).isZero());
        assertThat(outbox(orderId)).containsExactly("OrderPlaced", "OrderAwaitingPayment", "OrderConfirmed",
                "SellerOrderStatusChanged");
    }

    private void send(String topic, EventEnvelope<?> envelope) throws Exception {
        kafka.send(topic, envelope.aggregateId(), envelopes.toJson(envelope)).get();
    }
}
