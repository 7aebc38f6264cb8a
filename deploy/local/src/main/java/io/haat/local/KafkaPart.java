package io.haat.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One Kafka broker in KRaft mode (broker and controller in one process), data in {@code .haat/kafka}. */
final class KafkaPart extends ProcessPart {

    static final int PORT = 9092;
    static final int CONTROLLER_PORT = 9093;

    private final boolean fullJit;

    KafkaPart(ProcessLauncher launcher) {
        this(launcher, false);
    }

    /** {@code fullJit}: both JIT tiers ({@link Options#infrastructureFullJit}). */
    KafkaPart(ProcessLauncher launcher, boolean fullJit) {
        super("kafka", launcher);
        this.fullJit = fullJit;
    }

    @Override
    public List<Port> ports() {
        return List.of(new Port(PORT, "Kafka"), new Port(CONTROLLER_PORT, "Kafka controller"));
    }

    @Override
    public void start() {
        startAndRecord(javaCommand(workspace().childClasspath(), jvmOptions(), KafkaMain.class,
                path(workspace().dataDir("kafka")), Integer.toString(PORT), Integer.toString(CONTROLLER_PORT)), Map.of());
    }

    List<String> jvmOptions() {
        List<String> jvm = new ArrayList<>(smallJvm("512m", fullJit));
        // Kafka prints every configuration it builds at INFO: keep the log to what happens
        jvm.add("-Dorg.slf4j.simpleLogger.log.org.apache.kafka.common.config=warn");
        jvm.add("-Dorg.slf4j.simpleLogger.log.org.apache.kafka.clients=warn");
        return jvm;
    }

    @Override
    public void awaitReady(Duration timeout) {
        awaitReady(timeout, () -> Probes.tcpOpen(PORT));
    }
}
