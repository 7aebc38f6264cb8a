package io.haat.platform.messaging.dlt;

import io.haat.events.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The replay command of the dead-letter topics (docs/operations.md): {@code list} shows, per {@code <topic>.DLT}, how
 * many messages it holds and how many wait (not replayed yet); {@code replay <topic>.DLT} sends each waiting message
 * back to the topic it failed on (header {@code kafka_dlt-original-topic}, else the name without {@code .DLT}) with
 * its key, value and headers (the {@code kafka_dlt-*} diagnosis dropped, {@value #REPLAYED_FROM} added), then records
 * them as replayed: consumer group {@value #GROUP} commits the DLT offsets, so a message is replayed once and a second
 * run sends only what failed since. Consumers are idempotent: a message whose effect did happen is skipped again.
 * Plain Kafka clients, no Spring: runs from any service's jar ({@code ./run.sh dlt …}, or {@code kubectl exec}).
 * <pre>
 * java -cp &lt;service jar&gt; -Dloader.main=io.haat.platform.messaging.dlt.DeadLetterReplay \
 *      org.springframework.boot.loader.launch.PropertiesLauncher [--bootstrap host:9092] [--config client.properties] list
 * </pre>
 */
public final class DeadLetterReplay {

    /** The consumer group whose committed offsets mark what was replayed. */
    public static final String GROUP = "haat-dlt-replay";
    /** Header added to a replayed message: {@code <dlt>/<partition>/<offset>}. */
    public static final String REPLAYED_FROM = "haat-replayed-from";
    static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** One dead-letter topic: messages it holds (still retained) and those not replayed yet. */
    public record Waiting(String topic, long held, long waiting) {
    }

    private final Map<String, Object> client;

    /** @param client Kafka client settings: at least {@code bootstrap.servers} (plus security where needed) */
    public DeadLetterReplay(Map<String, Object> client) {
        this.client = Map.copyOf(client);
    }

    /** Every {@code *.DLT} topic with its counts, by name. */
    public List<Waiting> list() {
        try (Admin admin = Admin.create(client); KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            Set<String> topics = new TreeSet<>(admin.listTopics().names().get());
            topics.removeIf(name -> !name.endsWith(Topics.DLT_SUFFIX));
            List<Waiting> all = new ArrayList<>();
            for (String topic : topics) {
                List<TopicPartition> partitions = partitions(consumer, topic);
                Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, TIMEOUT);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
                Map<TopicPartition, OffsetAndMetadata> replayed = consumer.committed(Set.copyOf(partitions), TIMEOUT);
                long held = 0;
                long waiting = 0;
                for (TopicPartition partition : partitions) {
                    held += end.get(partition) - begin.get(partition);
                    long from = Math.max(begin.get(partition), offset(replayed.get(partition)));
                    waiting += end.get(partition) - from;
                }
                all.add(new Waiting(topic, held, waiting));
            }
            return all;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list the topics: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends every waiting message of {@code deadLetterTopic} back to its topic; returns how many it sent. */
    public int replay(String deadLetterTopic) {
        if (!deadLetterTopic.endsWith(Topics.DLT_SUFFIX)) {
            throw new IllegalArgumentException(deadLetterTopic + " is not a dead-letter topic (*" + Topics.DLT_SUFFIX + ")");
        }
        String fallback = deadLetterTopic.substring(0, deadLetterTopic.length() - Topics.DLT_SUFFIX.length());
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(); KafkaProducer<byte[], byte[]> producer = producer()) {
            List<TopicPartition> partitions = partitions(consumer, deadLetterTopic);
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            Map<TopicPartition, OffsetAndMetadata> replayed = consumer.committed(Set.copyOf(partitions), TIMEOUT);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, TIMEOUT);
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, Math.max(begin.get(partition), offset(replayed.get(partition))));
            }
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(deadLetterTopic + " not read to its end within " + TIMEOUT);
                }
                for (ConsumerRecord<byte[], byte[]> dead : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition partition = new TopicPartition(dead.topic(), dead.partition());
                    if (dead.offset() >= end.get(partition)) {
                        continue; // failed after this run began: the next run replays it
                    }
                    sends.add(producer.send(replayOf(dead, fallback)));
                    done.put(partition, new OffsetAndMetadata(dead.offset() + 1));
                }
            }
            producer.flush();
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
            // only once every message is acknowledged by its topic: a crash before this replays them again (at least once)
            consumer.commitSync(done, TIMEOUT);
            return sends.size();
        } catch (ExecutionException e) {
            throw new IllegalStateException("replaying " + deadLetterTopic + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static ProducerRecord<byte[], byte[]> replayOf(ConsumerRecord<byte[], byte[]> dead, String fallbackTopic) {
        Header original = dead.headers().lastHeader(ORIGINAL_TOPIC);
        String topic = original != null ? new String(original.value(), StandardCharsets.UTF_8) : fallbackTopic;
        List<Header> headers = new ArrayList<>();
        for (Header header : dead.headers()) {
            if (!header.key().startsWith("kafka_dlt-") && !header.key().equals(REPLAYED_FROM)) {
                headers.add(header);
            }
        }
        headers.add(new RecordHeader(REPLAYED_FROM, (dead.topic() + "/" + dead.partition() + "/" + dead.offset())
                .getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(topic, null, dead.key(), dead.value(), headers);
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, GROUP + "-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic, TIMEOUT).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static long offset(OffsetAndMetadata committed) {
        return committed == null ? 0 : committed.offset();
    }

    // ---- the command line

    static final String USAGE = """
            usage: DeadLetterReplay [--bootstrap host:port] [--config client.properties] list | replay <topic>.DLT
              list                 every dead-letter topic: messages held, messages waiting (not replayed yet)
              replay <topic>.DLT   send the waiting messages back to the topic they failed on, once
              --bootstrap          Kafka (default: $SPRING_KAFKA_BOOTSTRAP_SERVERS, else localhost:9092)
              --config             more client settings (security), as a properties file""";

    public static void main(String[] args) {
        quietLogs();
        int status;
        try {
            status = run(args, System.getenv("SPRING_KAFKA_BOOTSTRAP_SERVERS"), System.out);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            status = 2;
        } catch (RuntimeException e) {
            System.err.println("dead-letter replay failed: " + e.getMessage());
            status = 1;
        }
        System.exit(status);
    }

    /** The command line on {@code out}: 0, or an {@link IllegalArgumentException} with the usage. */
    public static int run(String[] args, String bootstrapFromEnvironment, PrintStream out) {
        Map<String, Object> client = new HashMap<>();
        client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapFromEnvironment == null || bootstrapFromEnvironment.isBlank() ? "localhost:9092" : bootstrapFromEnvironment);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bootstrap" -> client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, value(args, ++i));
                case "--config" -> load(Path.of(value(args, ++i))).forEach((k, v) -> client.put(k.toString(), v));
                default -> words.add(args[i]);
            }
        }
        DeadLetterReplay replay = new DeadLetterReplay(client);
        if (words.equals(List.of("list")) || words.isEmpty()) {
            List<Waiting> all = replay.list();
            out.printf("%-44s %8s %8s%n", "dead-letter topic", "held", "waiting");
            all.forEach(w -> out.printf("%-44s %8d %8d%n", w.topic(), w.held(), w.waiting()));
            if (all.isEmpty()) {
                out.println("(no dead-letter topic)");
            }
            return 0;
        }
        if (words.size() == 2 && words.getFirst().equals("replay")) {
            int sent = replay.replay(words.get(1));
            out.println("replayed " + sent + " message(s) of " + words.get(1));
            return 0;
        }
        throw new IllegalArgumentException(USAGE);
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(USAGE);
        }
        return args[index];
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        return properties;
    }

    /** A command line prints its answer, not the Kafka clients' INFO lines. */
    private static void quietLogs() {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }
}
