package io.haat.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.platform.messaging.dlt.DeadLetterTopics;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every listened topic has its dead-letter topic from the start, before any message failed. */
class DeadLetterTopicsTest extends MessagingIntegrationTest {

    @Autowired
    private DeadLetterTopics deadLetterTopics;

    @Test
    void theDeadLetterTopicOfEveryListenedTopicExistsOnceTheServiceHasStarted() {
        // nothing ever fails on the effects topic: only the start-up can have created its DLT
        assertThat(kafkaAdmin.describeTopics(TestListeners.EFFECTS + ".DLT", TestListeners.STRICT + ".DLT"))
                .containsOnlyKeys(TestListeners.EFFECTS + ".DLT", TestListeners.STRICT + ".DLT");
    }

    @Test
    void createsATopicAndItsDeadLetterTopicWhereMissingAndLeavesExistingOnesAlone() {
        String topic = "dlt-test." + UUID.randomUUID();

        assertThat(deadLetterTopics.ensure(List.of(topic))).containsExactlyInAnyOrder(topic, topic + ".DLT");
        assertThat(deadLetterTopics.ensure(List.of(topic))).as("already there").isEmpty();
        assertThat(kafkaAdmin.describeTopics(topic + ".DLT")).containsKey(topic + ".DLT");
    }

    @Test
    void knowsTheTopicsOfTheServicesListeners() {
        assertThat(Set.copyOf(List.of(TestListeners.EFFECTS, TestListeners.ALWAYS_FAILS, TestListeners.STRICT)))
                .isSubsetOf(deadLetterTopicsListened());
    }

    private Set<String> deadLetterTopicsListened() {
        return org.springframework.test.util.ReflectionTestUtils.invokeMethod(deadLetterTopics, "listenedTopics");
    }
}
