package io.haat.local;

import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Runs a single-node Kafka (KRaft, broker + controller) with a kept log directory. Formats the storage on the first
 * run, then hands over to Kafka's own entry point, which stops the broker cleanly on SIGTERM.
 * Arguments: data directory, broker port, controller port.
 */
public final class KafkaMain {

    private KafkaMain() {
    }

    public static void main(String[] args) throws IOException {
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        int controllerPort = Integer.parseInt(args[2]);
        Path logDir = home.resolve("data");
        Files.createDirectories(logDir);

        Path config = home.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(config)) {
            serverProperties(logDir, port, controllerPort).store(writer, "written by io.haat.local.KafkaMain on every start");
        }
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            int status = StorageTool.execute(new String[] {
                    "format", "--config", config.toString(), "--cluster-id", Uuid.randomUuid().toString(), "--ignore-formatted"},
                    System.out);
            if (status != 0) {
                System.err.println("formatting " + logDir + " failed with status " + status);
                System.exit(status);
            }
        }
        kafka.Kafka.main(new String[] {config.toString()});
    }

    static Properties serverProperties(Path logDir, int port, int controllerPort) {
        Properties properties = new Properties();
        properties.setProperty("process.roles", "broker,controller");
        properties.setProperty("node.id", "1");
        properties.setProperty("controller.quorum.voters", "1@localhost:" + controllerPort);
        properties.setProperty("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        properties.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
        properties.setProperty("controller.listener.names", "CONTROLLER");
        properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
        properties.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.setProperty("log.dirs", logDir.toString());
        properties.setProperty("auto.create.topics.enable", "true");
        // topics are keyed by aggregate id (ordering per aggregate only), so a consumer group can work through a topic
        // with one consumer per partition: notification-service reads orders.order with three (issue 17, live updates)
        properties.setProperty("num.partitions", "3");
        // one broker: every internal topic has one replica, and few partitions keep the first start quick
        properties.setProperty("offsets.topic.replication.factor", "1");
        properties.setProperty("offsets.topic.num.partitions", "5");
        properties.setProperty("transaction.state.log.replication.factor", "1");
        properties.setProperty("transaction.state.log.min.isr", "1");
        properties.setProperty("transaction.state.log.num.partitions", "5");
        properties.setProperty("share.coordinator.state.topic.replication.factor", "1");
        properties.setProperty("share.coordinator.state.topic.min.isr", "1");
        properties.setProperty("group.initial.rebalance.delay.ms", "0");
        properties.setProperty("log.retention.hours", "168");
        return properties;
    }
}
