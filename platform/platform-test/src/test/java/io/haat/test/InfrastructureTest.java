package io.haat.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.haat.test.HaatInfrastructure.Part;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(HaatInfrastructureExtension.class)
class InfrastructureTest {

    private static final HaatInfrastructure infrastructure = HaatInfrastructure.get();

    @BeforeAll
    static void startEverything() {
        // all parts at once: this is the start-up time the report line measures
        infrastructure.start(Part.POSTGRES, Part.KAFKA, Part.MONGO, Part.JWT);
    }

    @Test
    void postgresHandsOutDistinctUsableDatabases() throws SQLException {
        TestPostgres postgres = infrastructure.postgres();
        String first = postgres.createDatabase("Order-Service");
        String second = postgres.createDatabase("Order-Service");

        assertThat(first).startsWith("jdbc:postgresql://").contains("/order_service_").isNotEqualTo(second);
        execute(postgres, first, "CREATE TABLE item (id INT PRIMARY KEY, name TEXT NOT NULL)",
                "INSERT INTO item VALUES (1, 'kettle')");
        assertThat(queryNames(postgres, first)).containsExactly("kettle");
        // the second database is really another one: it has no such table
        execute(postgres, second, "CREATE TABLE item (id INT PRIMARY KEY, name TEXT NOT NULL)");
        assertThat(queryNames(postgres, second)).isEmpty();
        assertThat(queryString(postgres, first, "SHOW server_version")).startsWith("17.");
    }

    @Test
    void kafkaRoundTripOnAnAutoCreatedTopic() {
        String topic = "test.roundtrip." + UUID.randomUUID();
        String servers = infrastructure.kafkaBootstrapServers();
        Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        Map<String, Object> consumerConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, "round-trip", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig);
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
            producer.send(new ProducerRecord<>(topic, "order-1", "{\"status\":\"PLACED\"}")).get();
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                        return !received.isEmpty();
                    });
            assertThat(received).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("order-1");
                assertThat(record.value()).isEqualTo("{\"status\":\"PLACED\"}");
                assertThat(record.partition()).isZero();
            });
        }
        catch (Exception ex) {
            throw new AssertionError(ex);
        }
    }

    @Test
    void mongoStoresAndFindsDocuments() {
        assertThat(infrastructure.mongoConnectionString()).matches("mongodb://127\\.0\\.0\\.1:\\d+");
        try (MongoClient client = MongoClients.create(infrastructure.mongoConnectionString())) {
            MongoCollection<Document> products = client.getDatabase("catalog_test").getCollection("products");
            products.insertOne(new Document("sku", "KET-1").append("priceMinor", 129900L));

            Document found = products.find(new Document("sku", "KET-1")).first();

            assertThat(found).isNotNull();
            assertThat(found.getLong("priceMinor")).isEqualTo(129900L);
            assertThat(products.countDocuments(new Document("sku", "NOPE"))).isZero();
        }
    }

    @Test
    void partsAreSingletons() {
        assertThat(HaatInfrastructure.get()).isSameAs(infrastructure);
        assertThat(infrastructure.postgres()).isSameAs(infrastructure.postgres());
        assertThat(infrastructure.jwt()).isSameAs(infrastructure.jwt());
    }

    @Test
    void databaseNamesAreSafeIdentifiers() {
        assertThat(TestPostgres.sanitise("Seller Service!")).isEqualTo("seller_service");
        assertThat(TestPostgres.sanitise("42-app")).isEqualTo("db_42_app");
        assertThat(TestPostgres.sanitise("")).isEqualTo("test");
        assertThat(TestPostgres.sanitise(null)).isEqualTo("test");
        assertThat(TestPostgres.sanitise("x".repeat(80))).hasSize(40);
    }

    private static void execute(TestPostgres postgres, String url, String... sql) throws SQLException {
        try (Connection connection = postgres.dataSource(url).getConnection();
                Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    private static List<String> queryNames(TestPostgres postgres, String url) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = postgres.dataSource(url).getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT name FROM item ORDER BY id")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static String queryString(TestPostgres postgres, String url, String sql) throws SQLException {
        try (Connection connection = postgres.dataSource(url).getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

}
