package io.haat.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.haat.notification.notice.Channel;
import io.haat.notification.support.NotificationApiTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The queue holds only work: finished deliveries move out of it, stay findable, and are never sent again. */
class DeliveryQueueTest extends NotificationApiTest {

    @Autowired
    DeliveryQueue queue;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aFinishedDeliveryLeavesTheQueueStaysFindableAndIsNotSentAgain() {
        String notificationId = "gone-" + UUID.randomUUID(); // no such notification: the worker gives up at once
        queue.enqueue(notificationId, "user-1", Channel.EMAIL);
        String id = Delivery.idOf(notificationId, Channel.EMAIL);

        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.findById(id, Delivery.class) == null);
        Delivery finished = mongo.findById(id, Delivery.class, DeliveryQueue.FINISHED);
        assertThat(finished).isNotNull();
        assertThat(finished.status()).isEqualTo(Delivery.Status.FAILED);
        assertThat(finished.lastError()).isEqualTo("notification is gone");
        assertThat(finished.doneAt()).isNotNull();
        assertThat(queue.find(notificationId, Channel.EMAIL)).contains(finished);

        queue.enqueue(notificationId, "user-1", Channel.EMAIL); // a redelivered event: dropped when claimed, unsent
        awaitDroppedWithItsOutcomeUntouched(id, finished);
    }

    @Test
    void aNotificationsChannelsAreQueuedTogetherAndEachIsWorkedOn() {
        String notificationId = "gone-" + UUID.randomUUID();
        queue.enqueue(notificationId, "user-1", java.util.List.of(Channel.EMAIL, Channel.PUSH));

        for (Channel channel : new Channel[] {Channel.EMAIL, Channel.PUSH}) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(queue.find(notificationId, channel))
                    .hasValueSatisfying(d -> assertThat(d.status()).isEqualTo(Delivery.Status.FAILED)));
        }
    }

    @Test
    void aQueueEntryLeftBehindByACrashAfterItFinishedIsDroppedUnsent() {
        Delivery sent = sentAMinuteAgo("crashed-" + UUID.randomUUID(), Channel.PUSH);
        mongo.save(sent, DeliveryQueue.FINISHED);
        // the crash came between recording the outcome and removing the entry: it is due again after its lease
        mongo.save(new Delivery(sent.id(), sent.notificationId(), sent.userId(), sent.channel(),
                Delivery.Status.PENDING, 1, sent.dueAt(), null, sent.createdAt(), null, Set.of()));

        awaitDroppedWithItsOutcomeUntouched(sent.id(), sent);
    }

    private void awaitDroppedWithItsOutcomeUntouched(String id, Delivery outcome) {
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.findById(id, Delivery.class) == null);
        assertThat(mongo.findById(id, Delivery.class, DeliveryQueue.FINISHED)).as("the outcome, untouched")
                .isEqualTo(outcome);
    }

    /** A delivery sent a minute ago (instants to the millisecond: what MongoDB keeps). */
    private static Delivery sentAMinuteAgo(String notificationId, Channel channel) {
        Instant then = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        return new Delivery(Delivery.idOf(notificationId, channel), notificationId, "user-" + channel, channel,
                Delivery.Status.SENT, 1, then, null, then, then, Set.of());
    }

    @Test
    void finishedDeliveriesAnEarlierVersionLeftInTheQueueAreMovedOut() {
        Delivery sent = sentAMinuteAgo("earlier-" + UUID.randomUUID(), Channel.EMAIL);
        String id = sent.id();
        mongo.save(sent); // where the version before kept it, among the pending ones

        assertThat(queue.moveFinishedOutOfTheQueue()).isPositive();

        assertThat(mongo.findById(id, Delivery.class)).isNull();
        assertThat(mongo.findById(id, Delivery.class, DeliveryQueue.FINISHED)).isEqualTo(sent);
        assertThat(queue.moveFinishedOutOfTheQueue()).as("nothing left to move").isZero();
    }
}
