package io.haat.identity.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.haat.test.HaatInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads what reached a Kafka topic (the outbox relay's output), from the beginning, as JSON envelopes. */
public final class EventLog {

    private final JsonMapper json;

    EventLog(JsonMapper json) {
        this.json = json;
    }

    /** Waits until an envelope on {@code topic} matches and returns it. */
    public JsonNode await(String topic, Predicate<JsonNode> matching) {
        List<JsonNode> found = new ArrayList<>();
        Awaitility.await("event on " + topic).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    found.clear();
                    read(topic).stream().filter(matching).forEach(found::add);
                    return !found.isEmpty();
                });
        return found.getFirst();
    }

    /** Everything on the topic now (assigned partitions, no consumer group: no rebalance to wait for). */
    public List<JsonNode> read(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, HaatInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<JsonNode> envelopes = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    envelopes.add(json.readTree(record.value()));
                }
            }
        }
        return envelopes;
    }

    public static Predicate<JsonNode> ofType(String type, String aggregateId) {
        return envelope -> type.equals(envelope.path("type").asString())
                && aggregateId.equals(envelope.path("aggregateId").asString());
    }
}
