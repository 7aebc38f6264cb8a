package io.haat.platform.messaging;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A JDBC + Kafka service as the messaging tests see it: all auto-configuration, the platform
 * migrations, and the listeners of {@link TestListeners}. No component scan, so nothing else in
 * the test classpath is picked up.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(TestListeners.class)
public class MessagingTestApplication {

    // source topics have 3 partitions and their DLTs 1, so DLT publishing must not keep the partition
    @Bean
    NewTopic effectsTopic() {
        return new NewTopic(TestListeners.EFFECTS, 3, (short) 1);
    }

    @Bean
    NewTopic alwaysFailsTopic() {
        return new NewTopic(TestListeners.ALWAYS_FAILS, 3, (short) 1);
    }

    @Bean
    NewTopic alwaysFailsDeadLetterTopic() {
        return new NewTopic(TestListeners.ALWAYS_FAILS + ".DLT", 1, (short) 1);
    }

    @Bean
    NewTopic routedTopic() {
        return new NewTopic(TestListeners.ROUTED, 3, (short) 1);
    }

    @Bean
    NewTopic routedDeadLetterTopic() {
        return new NewTopic(TestListeners.ROUTED + ".DLT", 1, (short) 1);
    }

    @Bean
    NewTopic strictTopic() {
        return new NewTopic(TestListeners.STRICT, 3, (short) 1);
    }

    @Bean
    NewTopic strictDeadLetterTopic() {
        return new NewTopic(TestListeners.STRICT + ".DLT", 1, (short) 1);
    }
}
