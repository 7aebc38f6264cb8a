package io.haat.e2e;

import io.haat.events.EventEnvelope;
import io.haat.events.Money;
import io.haat.events.Topics;
import io.haat.events.orders.SellerOrderStatus;
import io.haat.events.orders.SellerOrderStatusChanged;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Events the marketplace cannot yet produce itself, published on its own broker as the owning service will: the
 * contract's records (platform-events) in the platform's envelope, keyed by the aggregate id. Delivery and
 * completion of a seller order come with order-service part 2; until then the payment journey completes one here.
 */
final class OrderEvents {

    /** The local broker of the marketplace (the launcher's Kafka, as ./run.sh starts it). */
    private static final String BOOTSTRAP = "localhost:9092";

    private OrderEvents() {
    }

    /**
     * {@code SellerOrderStatusChanged} COMPLETED (delivered and the return window over) on {@code orders.order}.
     *
     * @param aggregateVersion the order's version after this change; consumers of this event do not order by it
     */
    static void sellerOrderCompleted(String sellerOrderId, String orderId, String storeId, Money amount,
                                     long aggregateVersion) {
        publish(Topics.ORDERS_ORDER, EventEnvelope.of(new SellerOrderStatusChanged(sellerOrderId, orderId, storeId,
                SellerOrderStatus.COMPLETED, amount, Instant.now()), aggregateVersion));
    }

    private static void publish(String topic, EventEnvelope<?> envelope) {
        Marketplace.get();
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, envelope.aggregateId(), Gateway.JSON.writeValueAsString(envelope)))
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish " + envelope.type() + " on " + topic + " to " + BOOTSTRAP, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
