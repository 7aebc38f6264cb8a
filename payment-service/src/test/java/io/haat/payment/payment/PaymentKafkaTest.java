package io.haat.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.haat.events.EventEnvelope;
import io.haat.events.Topics;
import io.haat.events.orders.OrderAwaitingPayment;
import io.haat.events.orders.PaymentChoice;
import io.haat.events.orders.SellerOrderTotals;
import io.haat.events.payment.PaymentProvider;
import io.haat.payment.PaymentIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;

/** Over real Kafka: {@code orders.order} reaches the order copy, and a capture leaves on {@code payment.payment}. */
class PaymentKafkaTest extends PaymentIntegrationTest {

    @Autowired
    private KafkaTemplate<String, String> kafka;
    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Test
    void anOrderAnnouncedOnKafkaIsPaidAndTheCaptureIsPublishedOnPaymentPayment() throws Exception {
        User customer = user("CUSTOMER");
        String orderId = UUID.randomUUID().toString();
        var event = new OrderAwaitingPayment(orderId, customer.id(), inNpr(4_200),
                List.of(SellerOrderTotals.undiscounted(UUID.randomUUID().toString(), storeWithCommission(), "seller-k", inNpr(4_200))),
                new PaymentChoice(PaymentProvider.SANDBOX, inNpr(0)), clock.instant().plus(Duration.ofHours(1)));
        kafka.send(Topics.ORDERS_ORDER, orderId, envelopes.toJson(EventEnvelope.of(event, 1, clock.instant()))).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM payment_order WHERE order_id = :id AND status = 'AWAITING_PAYMENT'")
                .param("id", orderId).query(Long.class).single() == 1);

        Response paid = call("POST", "/payments", customer.token(), Map.of("orderId", orderId, "provider", "SANDBOX"),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(paid.status()).isEqualTo(201);
        String paymentId = paid.body().path("paymentId").asString();

        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "payment-kafka-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.PAYMENT_PAYMENT));
            List<ConsumerRecord<String, String>> ours = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (paymentId.equals(record.key())) {
                        ours.add(record);
                    }
                });
                return !ours.isEmpty();
            });
            var envelope = json.readTree(ours.get(0).value());
            assertThat(envelope.path("type").asString()).isEqualTo("PaymentCaptured");
            assertThat(envelope.at("/payload/orderId").asString()).isEqualTo(orderId);
            assertThat(envelope.at("/payload/amount/amountMinor").asLong()).isEqualTo(4_200);
        }
    }
}
