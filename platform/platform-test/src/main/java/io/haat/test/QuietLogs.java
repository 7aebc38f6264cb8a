package io.haat.test;

import java.util.List;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Turns the embedded servers' own INFO chatter down to WARN (a KRaft broker alone logs thousands of lines at
 * start-up). Kafka client loggers are left alone: they belong to the service under test.
 */
final class QuietLogs {

    private static final List<String> SERVER_LOGGERS = List.of("kafka", "state.change.logger",
            "org.apache.kafka.server", "org.apache.kafka.raft", "org.apache.kafka.controller",
            "org.apache.kafka.image", "org.apache.kafka.metadata", "org.apache.kafka.storage",
            "org.apache.kafka.coordinator", "org.apache.kafka.snapshot", "org.apache.kafka.queue",
            "org.apache.kafka.security", "org.apache.kafka.network", "org.apache.kafka.common.test",
            "org.apache.kafka.common.network", "org.apache.kafka.common.security", "org.apache.kafka.jmh",
            "io.zonky.test.db.postgres", "de.bwaldvogel.mongo");

    private QuietLogs() {
    }

    /** Safe to call repeatedly: Spring Boot resets levels whenever a new context initialises logging. */
    static void apply() {
        try {
            LoggingSystem logging = LoggingSystem.get(QuietLogs.class.getClassLoader());
            for (String logger : SERVER_LOGGERS) {
                logging.setLogLevel(logger, LogLevel.WARN);
            }
        }
        catch (RuntimeException | LinkageError ex) {
            // no supported logging system: the logs stay verbose, the tests still work
        }
    }

}
