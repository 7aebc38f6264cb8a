package io.haat.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.haat.platform.messaging.consumer.ProcessedEvents;
import io.haat.platform.purge.ProcessedEventPurger;
import io.haat.platform.purge.RetentionPurgeProperties;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** processed_event records go after the retention, never inside it: deduplication holds for the whole window. */
class ProcessedEventPurgeTest extends MessagingIntegrationTest {

    @Autowired
    private ProcessedEvents processedEvents;
    @Autowired
    private ProcessedEventPurger purger;
    @Autowired
    private RetentionPurgeProperties retention;
    @Autowired
    private DataSource dataSource;

    @Test
    void everyServiceWithIdempotentConsumersPurgesAfterFourteenDaysByDefault() {
        assertThat(retention.retention()).isEqualTo(Duration.ofDays(14));
        assertThat(purger.isRunning()).isTrue();
    }

    @Test
    void aRecordInsideTheRetentionIsKeptSoARedeliveryIsStillSkipped() {
        String group = "purge-" + UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        UUID old = UUID.randomUUID();
        AtomicInteger effects = new AtomicInteger();
        processedEvents.runOnce(group, recent, effects::incrementAndGet);
        processedEvents.runOnce(group, old, effects::incrementAndGet);
        age(group, recent, retention.retention().minusHours(1));
        age(group, old, retention.retention().plusHours(1));

        purger.purgeNow();

        assertThat(processedEvents.isProcessed(group, recent)).isTrue();
        assertThat(processedEvents.runOnce(group, recent, effects::incrementAndGet)).as("redelivered inside the window")
                .isFalse();
        assertThat(processedEvents.isProcessed(group, old)).isFalse();
        assertThat(effects).hasValue(2);
    }

    @Test
    void moreRecordsThanOneBatchAreAllPurged() {
        String group = "bulk-" + UUID.randomUUID();
        jdbc.update("""
                INSERT INTO processed_event (consumer_group, event_id, processed_at)
                SELECT ?, gen_random_uuid(), now() - INTERVAL '30 days' FROM generate_series(1, ?)""",
                group, retention.batchSize() * 2 + 5);

        assertThat(purger.purgeNow()).isGreaterThanOrEqualTo(retention.batchSize() * 2 + 5);

        assertThat(count(group)).isZero();
    }

    @Test
    void aRecordLockedByAConsumerIsSkippedNotWaitedFor() throws Exception {
        String group = "locked-" + UUID.randomUUID();
        UUID locked = UUID.randomUUID();
        UUID free = UUID.randomUUID();
        processedEvents.runOnce(group, locked, () -> { });
        processedEvents.runOnce(group, free, () -> { });
        age(group, locked, Duration.ofDays(30));
        age(group, free, Duration.ofDays(30));
        try (Connection consumer = dataSource.getConnection()) {
            consumer.setAutoCommit(false);
            try (PreparedStatement lock = consumer.prepareStatement(
                    "SELECT 1 FROM processed_event WHERE consumer_group = ? AND event_id = ? FOR UPDATE")) {
                lock.setString(1, group);
                lock.setObject(2, locked);
                lock.executeQuery().close();
            }

            purger.purgeNow(); // returns although a row is locked

            assertThat(count(group)).as("only the locked record is left").isEqualTo(1);
            consumer.commit();
        }
        purger.purgeNow();
        assertThat(count(group)).isZero();
    }

    private void age(String group, UUID eventId, Duration age) {
        jdbc.update("UPDATE processed_event SET processed_at = now() - ? * INTERVAL '1 millisecond' "
                + "WHERE consumer_group = ? AND event_id = ?", age.toMillis(), group, eventId);
    }

    private long count(String group) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM processed_event WHERE consumer_group = ?", Long.class, group);
        return count == null ? 0 : count;
    }
}
