package io.haat.notification.alerts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * Every record that lands on a dead-letter topic ({@code <topic>.DLT}, by pattern, so new topics are picked up) is
 * an alert: a consumer somewhere could not handle a message. The alert's id is the record's position, so it is
 * raised once. This listener never throws: a failure here must not feed a DLT of a DLT.
 */
@Component
class DeadLetterAlerts {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterAlerts.class);

    private final AdminAlerts alerts;

    DeadLetterAlerts(AdminAlerts alerts) {
        this.alerts = alerts;
    }

    @KafkaListener(topicPattern = "^(?!.*\\.DLT\\.DLT$).*\\.DLT$", groupId = "notification-service.alerts-dlt",
            properties = "metadata.max.age.ms=${haat.alerts.dlt-topic-refresh-ms:10000}")
    void onDeadLetter(ConsumerRecord<String, String> record) {
        try {
            String topic = record.topic();
            String original = topic.substring(0, topic.length() - ".DLT".length());
            String reason = header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
            String group = header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
            alerts.raise(Alert.raise("dlt:" + topic + ":" + record.partition() + ":" + record.offset(),
                    AlertKind.DEAD_LETTER, "DEAD_LETTER", AlertSeverity.HIGH, original,
                    "A message on %s (key %s) could not be handled%s%s.".formatted(original, record.key(),
                            group == null ? "" : " by " + group, reason == null ? "" : ": " + abbreviate(reason)),
                    topic, Instant.ofEpochMilli(record.timestamp())));
        } catch (RuntimeException e) {
            log.error("dead-letter alert for {}@{}:{} not raised", record.topic(), record.partition(), record.offset(), e);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
