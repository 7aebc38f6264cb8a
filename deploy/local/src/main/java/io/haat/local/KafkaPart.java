package io.haat.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One Kafka broker in KRaft mode (broker and controller in one process), data in {@code .haat/kafka}. */
final class KafkaPart extends ProcessPart {

    static final int PORT = 9092;
    static final int CONTROLLER_PORT = 9093;

    KafkaPart(ProcessLauncher launcher) {
        super("kafka", launcher);
    }

    @Override
    public List<Port> ports() {
        return List.of(new Port(PORT, "Kafka"), new Port(CONTROLLER_PORT, "Kafka controller"));
    }

    @Override
    public void start() {
        List<String> jvm = new ArrayList<>(smallJvm("512m"));
        // Kafka prints every configuration it builds at INFO: keep the log to what happens
        jvm.add("-Dorg.slf4j.simpleLogger.log.org.apache.kafka.common.config=warn");
        jvm.add("-Dorg.slf4j.simpleLogger.log.org.apache.kafka.clients=warn");
        startAndRecord(javaCommand(workspace().childClasspath(), jvm, KafkaMain.class,
                path(workspace().dataDir("kafka")), Integer.toString(PORT), Integer.toString(CONTROLLER_PORT)), Map.of());
    }

    @Override
    public void awaitReady(Duration timeout) {
        awaitReady(timeout, () -> Probes.tcpOpen(PORT));
    }
}
