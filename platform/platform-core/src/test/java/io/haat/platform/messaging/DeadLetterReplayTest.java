package io.haat.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.haat.platform.messaging.dlt.DeadLetterReplay;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

/** The documented replay command: what waits in a DLT goes back to its topic once, with its key, value and headers. */
class DeadLetterReplayTest extends MessagingIntegrationTest {

    @Test
    void replaysWhatWaitsOnceAndOnlyWhatFailedSinceOnTheNextRun() throws Exception {
        String topic = newTopic(2);
        String dlt = topic + ".DLT";
        kafkaAdmin.createOrModifyTopics(new org.apache.kafka.clients.admin.NewTopic(dlt, 1, (short) 1));
        deadLetter(dlt, topic, "order-1", "{\"n\": 1}");
        deadLetter(dlt, topic, "order-2", "{\"n\": 2}");
        DeadLetterReplay replay = new DeadLetterReplay(Map.of("bootstrap.servers", bootstrapServers));

        assertThat(replay.list()).contains(new DeadLetterReplay.Waiting(dlt, 2, 2));
        assertThat(replay.replay(dlt)).isEqualTo(2);

        List<ConsumerRecord<String, String>> back;
        try (TopicReader reader = reader(topic)) {
            back = reader.readUntil(r -> true, 2);
        }
        assertThat(back).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("order-1", "order-2");
        assertThat(back).extracting(ConsumerRecord::value).containsExactlyInAnyOrder("{\"n\": 1}", "{\"n\": 2}");
        ConsumerRecord<String, String> first = back.getFirst();
        assertThat(first.headers().lastHeader("traceparent")).as("the message's own headers travel").isNotNull();
        assertThat(first.headers().lastHeader("kafka_dlt-exception-message")).as("the diagnosis stays in the DLT").isNull();
        assertThat(new String(first.headers().lastHeader(DeadLetterReplay.REPLAYED_FROM).value(), StandardCharsets.UTF_8))
                .startsWith(dlt + "/0/");

        assertThat(replay.list()).contains(new DeadLetterReplay.Waiting(dlt, 2, 0));
        assertThat(replay.replay(dlt)).as("nothing waits any more").isZero();

        deadLetter(dlt, topic, "order-3", "{\"n\": 3}");
        assertThat(replay.replay(dlt)).as("only what failed since").isEqualTo(1);
    }

    @Test
    void theCommandLineListsAndRefusesWhatIsNotADeadLetterTopic() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

        assertThat(DeadLetterReplay.run(new String[] {"--bootstrap", bootstrapServers, "list"}, null, out)).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("dead-letter topic").contains("waiting");
        assertThatIllegalArgumentException().isThrownBy(() -> new DeadLetterReplay(Map.of("bootstrap.servers",
                bootstrapServers)).replay("orders.order")).withMessageContaining("not a dead-letter topic");
        assertThatIllegalArgumentException().isThrownBy(() -> DeadLetterReplay.run(new String[] {"replay"}, null, out))
                .withMessageContaining("usage: DeadLetterReplay");
    }

    private void deadLetter(String dlt, String original, String key, String value) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(dlt, key, value);
        record.headers().add(new RecordHeader("kafka_dlt-original-topic", original.getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader("kafka_dlt-exception-message", "boom".getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
                .getBytes(StandardCharsets.UTF_8)));
        kafka.send(record).get();
    }
}
