package io.haat.seller.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.haat.events.EventEnvelope;
import io.haat.events.Money;
import io.haat.events.Topics;
import io.haat.events.orders.OrderLine;
import io.haat.events.orders.OrderPlaced;
import io.haat.events.orders.SellerOrderTotals;
import io.haat.seller.SellerIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/** The saga's stock step over real Kafka: OrderPlaced in on orders.order, StockReserved/Rejected out on seller.inventory. */
class OrderSagaKafkaTest extends SellerIntegrationTest {

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void ordersPlacedOnKafkaAreAnsweredOnKafka() throws Exception {
        SellerAccount seller = approvedSeller();
        String storeId = createStore(seller, "Kafka Store");
        setStock(seller, storeId, "K-1", 5, 0);
        Money price = new Money(1_000, "NPR");
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String orderId = UUID.randomUUID().toString();
            orders.add(orderId);
            var placed = new OrderPlaced(orderId, "c", price, List.of(new OrderLine("so", storeId, "p", "K-1", 1, price)),
                    List.of(SellerOrderTotals.undiscounted("so", storeId, "seller-1", price)));
            String value = envelopes.toJson(EventEnvelope.of(placed, 1));
            kafka.send(Topics.ORDERS_ORDER, orderId, value);
            if (i % 5 == 0) {
                kafka.send(Topics.ORDERS_ORDER, orderId, value); // redelivery
            }
        }
        kafka.send(Topics.ORDERS_ORDER, "poison", "this is not an event").get();

        Map<String, String> answers = new java.util.HashMap<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            TopicPartition inventory = new TopicPartition(Topics.SELLER_INVENTORY, 0);
            consumer.assign(List.of(inventory));
            consumer.seekToBeginning(List.of(inventory));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    JsonNode envelope = json.readTree(record.value());
                    if (orders.contains(record.key())) {
                        answers.merge(record.key(), envelope.path("type").asString(), (a, b) -> a + "," + b);
                    }
                });
                return answers.size() == orders.size();
            });
        }
        assertThat(answers.values()).filteredOn("StockReserved"::equals).hasSize(5);
        assertThat(answers.values()).filteredOn("StockRejected"::equals).hasSize(15);
        assertThat(reserved(storeId, "K-1")).isEqualTo(5);

        try (KafkaConsumer<String, String> consumer = consumer()) {
            TopicPartition dlt = new TopicPartition(Topics.deadLetter(Topics.ORDERS_ORDER), 0);
            await().atMost(Duration.ofSeconds(30)).until(() -> !consumer.partitionsFor(dlt.topic()).isEmpty());
            consumer.assign(List.of(dlt));
            consumer.seekToBeginning(List.of(dlt));
            Set<String> dead = new HashSet<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> dead.add(record.value()));
                return dead.contains("this is not an event");
            });
        }
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer());
    }
}
