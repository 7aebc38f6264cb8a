package io.haat.test;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Infrastructure from Testcontainers ({@code -Dhaat.test.containers=true}). This is the only class that
 * touches Testcontainers, so without the switch no Docker probing ever happens.
 */
final class ContainerBackend implements Backend {

    static final String POSTGRES_IMAGE = "postgres:17-alpine";

    static final String KAFKA_IMAGE = "apache/kafka:4.1.0";

    static final String MONGO_IMAGE = "mongo:8.0";

    private static volatile Boolean dockerAvailable;

    /** Probes Docker once per JVM. */
    static boolean dockerAvailable() {
        if (dockerAvailable == null) {
            boolean available;
            try {
                available = DockerClientFactory.instance().isDockerAvailable();
            }
            catch (RuntimeException | LinkageError ex) {
                available = false;
            }
            dockerAvailable = available;
        }
        return dockerAvailable;
    }

    @Override
    public Running<TestPostgres> startPostgres() {
        PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE)
            .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=300");
        postgres.start();
        TestPostgres server = new TestPostgres(postgres.getHost(), postgres.getMappedPort(5432),
                postgres.getUsername(), postgres.getPassword());
        return new Running<>(server, postgres::stop);
    }

    @Override
    public Running<String> startKafka() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE)
            .withEnv("KAFKA_NUM_PARTITIONS", "1")
            .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true");
        kafka.start();
        return new Running<>(kafka.getBootstrapServers(), kafka::stop);
    }

    @Override
    public Running<String> startMongo() {
        MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
        mongo.start();
        return new Running<>(mongo.getConnectionString(), mongo::stop);
    }

}
