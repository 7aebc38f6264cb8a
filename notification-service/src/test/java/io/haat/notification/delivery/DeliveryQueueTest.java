package io.haat.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.haat.notification.notice.Channel;
import io.haat.notification.support.NotificationApiTest;
import java.time.Duration;
import java.time.Instant;
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
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.findById(id, Delivery.class) == null);
        assertThat(mongo.findById(id, Delivery.class, DeliveryQueue.FINISHED)).as("the outcome, untouched")
                .isEqualTo(finished);
    }

    @Test
    void aQueueEntryLeftBehindByACrashAfterItFinishedIsDroppedUnsent() {
        String notificationId = "crashed-" + UUID.randomUUID();
        String id = Delivery.idOf(notificationId, Channel.PUSH);
        Instant then = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // what MongoDB keeps
        Delivery sent = new Delivery(id, notificationId, "user-2", Channel.PUSH, Delivery.Status.SENT, 1, then, null,
                then, then, Set.of());
        mongo.save(sent, DeliveryQueue.FINISHED);
        // the crash came between recording the outcome and removing the entry: it is due again after its lease
        mongo.save(new Delivery(id, notificationId, "user-2", Channel.PUSH, Delivery.Status.PENDING, 1, then, null,
                then, null, Set.of()));

        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.findById(id, Delivery.class) == null);
        assertThat(mongo.findById(id, Delivery.class, DeliveryQueue.FINISHED)).as("the outcome, untouched")
                .isEqualTo(sent);
    }

    @Test
    void finishedDeliveriesAnEarlierVersionLeftInTheQueueAreMovedOut() {
        String notificationId = "earlier-" + UUID.randomUUID();
        String id = Delivery.idOf(notificationId, Channel.EMAIL);
        Instant then = Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Delivery sent = new Delivery(id, notificationId, "user-3", Channel.EMAIL, Delivery.Status.SENT, 1, then, null,
                then, then, Set.of());
        mongo.save(sent); // where the version before kept it, among the pending ones

        assertThat(queue.moveFinishedOutOfTheQueue()).isPositive();

        assertThat(mongo.findById(id, Delivery.class)).isNull();
        assertThat(mongo.findById(id, Delivery.class, DeliveryQueue.FINISHED)).isEqualTo(sent);
        assertThat(queue.moveFinishedOutOfTheQueue()).as("nothing left to move").isZero();
    }
}
