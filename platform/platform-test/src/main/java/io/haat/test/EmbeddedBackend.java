package io.haat.test;

import java.net.InetSocketAddress;
import java.util.Map;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** In-process infrastructure: zonky PostgreSQL 17, a KRaft Kafka broker, mongo-java-server. */
final class EmbeddedBackend implements Backend {

    @Override
    public Running<TestPostgres> startPostgres() throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
            .setRegisterShutdownHook(false) // HaatInfrastructure stops it after the Spring contexts
            // durability is worthless for a throw-away test cluster; speed is not
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off")
            .setServerConfig("max_connections", "300")
            .start();
        TestPostgres server = new TestPostgres("127.0.0.1", postgres.getPort(), "postgres", "postgres");
        return new Running<>(server, postgres);
    }

    @Override
    public Running<String> startKafka() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        // the default would set spring.kafka.bootstrap-servers as a JVM-wide system property
        broker.brokerListProperty("haat.test.kafka.bootstrap-servers");
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "true",
                "num.partitions", "1",
                "offsets.topic.replication.factor", "1",
                "offsets.topic.num.partitions", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "transaction.state.log.num.partitions", "1",
                "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        return new Running<>(broker.getBrokersAsString(), broker::destroy);
    }

    @Override
    public Running<String> startMongo() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        return new Running<>("mongodb://127.0.0.1:" + address.getPort(), server::shutdownNow);
    }

}
