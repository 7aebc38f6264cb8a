package io.haat.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaMainTest {

    @Test
    void configuresOneCombinedKraftNodeOnTheLocalPorts() {
        Properties properties = KafkaMain.serverProperties(Path.of("/data/kafka"), 9092, 9093);

        assertThat(properties.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(properties.getProperty("controller.quorum.voters")).isEqualTo("1@localhost:9093");
        assertThat(properties.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://localhost:9092");
        assertThat(properties.getProperty("log.dirs")).isEqualTo("/data/kafka");
        assertThat(properties.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
    }

    @Test
    void newTopicsGetSeveralPartitionsSoAGroupCanConsumeInParallel() {
        Properties properties = KafkaMain.serverProperties(Path.of("/data/kafka"), 9092, 9093);

        assertThat(Integer.parseInt(properties.getProperty("num.partitions"))).isGreaterThan(1);
        assertThat(properties.getProperty("auto.create.topics.enable")).isEqualTo("true");
    }
}
